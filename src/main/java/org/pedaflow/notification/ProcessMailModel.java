package org.pedaflow.notification;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * What a mail template of a process step sees: every process variable plus {@code businessKey},
 * {@code processName}, {@code tasklistUrl} and {@code cockpitUrl} (and, as every template, the
 * helpers of {@link MailTemplates}).
 */
public final class ProcessMailModel {

  private ProcessMailModel() {}

  public static Map<String, Object> of(DelegateExecution execution, Links links) {
    Map<String, Object> model = new HashMap<>(execution.getVariables());
    model.put("businessKey", execution.getProcessBusinessKey());
    model.put("processName", ((ExecutionEntity) execution).getProcessDefinition().getName());
    model.put("tasklistUrl", links.tasklist());
    model.put("cockpitUrl", links.cockpitInstance(execution.getProcessInstanceId()));
    return model;
  }
}
