package org.pedaflow.notification;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.pedaflow.platform.Timers;

/**
 * What a mail template of a process step sees: every process variable plus {@code businessKey},
 * {@code processName}, {@code tasklistUrl}, {@code cockpitUrl}, and the helpers {@code dates}
 * ({@link FrenchDates}: {@code ${dates.longDate(startDate)}}) and {@code timers} (the configured delays:
 * {@code ${timers.inFrench('labelling.revision-deadline', 'P30D')}}).
 */
public final class ProcessMailModel {

  private ProcessMailModel() {}

  public static Map<String, Object> of(DelegateExecution execution, Links links, Timers timers) {
    Map<String, Object> model = new HashMap<>(execution.getVariables());
    model.put("businessKey", execution.getProcessBusinessKey());
    model.put("processName", ((ExecutionEntity) execution).getProcessDefinition().getName());
    model.put("tasklistUrl", links.tasklist());
    model.put("cockpitUrl", links.cockpitInstance(execution.getProcessInstanceId()));
    model.put("dates", FrenchDates.IN_TEMPLATES);
    model.put("timers", timers);
    return model;
  }
}
