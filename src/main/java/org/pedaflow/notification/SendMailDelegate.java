package org.pedaflow.notification;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The generic mail step of the models: {@code camunda:delegateExpression="${sendMail}"} with the
 * input parameters {@code mailTemplate} (a folder of {@code templates/mail/}) and {@code mailTo}
 * (an address, a user id, or {@code group:<id>}). The template sees every process variable plus
 * {@code businessKey}, {@code processName}, {@code tasklistUrl} and {@code cockpitUrl}.
 *
 * <p>Safe to run twice: the message is keyed by instance, step and visit of the step, so a retry
 * after a rollback does not send it again.
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

  public static final String TEMPLATE = "mailTemplate";
  public static final String TO = "mailTo";

  private final MailService mailService;
  private final Links links;
  private final HistoryService historyService;

  public SendMailDelegate(MailService mailService, Links links, HistoryService historyService) {
    this.mailService = mailService;
    this.links = links;
    this.historyService = historyService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = (String) execution.getVariable(TEMPLATE);
    Object to = execution.getVariable(TO);
    Map<String, Object> model = new HashMap<>(execution.getVariables());
    model.put("businessKey", execution.getProcessBusinessKey());
    model.put("processName", ((ExecutionEntity) execution).getProcessDefinition().getName());
    model.put("tasklistUrl", links.tasklist());
    model.put("cockpitUrl", links.cockpitInstance(execution.getProcessInstanceId()));
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + earlierVisits(execution);
    mailService.send(template, to == null ? null : to.toString(), model, key);
  }

  /** How many times this step already completed in this instance (a reminder loop visits it often). */
  private long earlierVisits(DelegateExecution execution) {
    return Context.getCommandContext().runWithoutAuthorization(() -> historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .finished()
        .count());
  }
}
