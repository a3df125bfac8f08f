package org.pedaflow.notification;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * The generic mail step of the models: {@code camunda:delegateExpression="${sendMail}"} with the
 * input parameters {@code mailTemplate} (a folder of {@code templates/mail/}) and {@code mailTo}
 * (an address, a user id, or {@code group:<id>}), which {@link MailStepParameters} keeps on the step
 * instead of turning them into variables. The template sees every process variable plus
 * {@code businessKey}, {@code processName}, {@code tasklistUrl} and {@code cockpitUrl}.
 *
 * <p>Safe to run twice: the message is keyed by instance, step and visit of the step (see
 * {@link #visit}), so a retry after a rollback does not send it again.
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
    ExecutionEntity entity = (ExecutionEntity) execution;
    Object parameters = entity.getActivity() == null ? null : entity.getActivity().getProperty(MailStepParameters.PROPERTY);
    MailStepParameters.Values values =
        parameters instanceof MailStepParameters.Values v ? v : MailStepParameters.Values.FROM_VARIABLES;
    Object template = values.template(execution);
    Object to = values.to(execution);
    Map<String, Object> model = ProcessMailModel.of(execution, links);
    String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + visit(execution);
    mailService.send(template == null ? null : template.toString(), to == null ? null : to.toString(), model, key);
  }

  /**
   * What tells this visit of the step from the others: the id of the job that runs it (a retry is the
   * same job, through the job executor or the API; a new visit of an asynchronous step is a new job),
   * plus the iteration of a multi-instance step (all its iterations can run in one job). Without a job
   * (a step reached without any asynchronous continuation), how many times the step already
   * completed in this instance.
   */
  private String visit(DelegateExecution execution) {
    Object loopCounter = execution.getVariable("loopCounter");
    String iteration = loopCounter == null ? "" : "#" + loopCounter;
    JobEntity job = Context.getCommandContext().getCurrentJob();
    if (job != null) {
      return "job-" + job.getId() + iteration;
    }
    return Context.getCommandContext().runWithoutAuthorization(() -> historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .activityId(execution.getCurrentActivityId())
        .finished()
        .count()) + iteration;
  }
}
