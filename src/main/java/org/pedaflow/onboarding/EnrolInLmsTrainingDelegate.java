package org.pedaflow.onboarding;

import static org.pedaflow.onboarding.Onboarding.Vars.LMS_ENROLMENT_NUMBER;
import static org.pedaflow.onboarding.Onboarding.Vars.LMS_EXPERIENCE;
import static org.pedaflow.onboarding.Onboarding.Vars.LMS_SESSION_DATE;
import static org.pedaflow.onboarding.Onboarding.Vars.LMS_SESSION_LOCATION;
import static org.pedaflow.onboarding.Onboarding.Vars.LMS_SESSION_TITLE;
import static org.pedaflow.onboarding.Onboarding.Vars.TEACHER_EMAIL;
import static org.pedaflow.onboarding.Onboarding.Vars.TEACHER_ID;
import static org.pedaflow.onboarding.Onboarding.Vars.TEACHER_NAME;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pedaflow.notification.FrenchDates;
import org.pedaflow.notification.Links;
import org.pedaflow.notification.MailService;
import org.pedaflow.notification.ProcessMailModel;
import org.pedaflow.onboarding.LmsEnrolment.Enrolment;
import org.springframework.stereotype.Component;

/**
 * Service task {@code EnrolInLmsTraining}: enrols the teacher in an LMS training session through
 * {@link LmsEnrolment} and e-mails them the session details. Safe to run twice: the enrolment is
 * keyed by the instance, and the mail by the instance and this step.
 *
 * <p>Named {@code enrolInLmsTrainingDelegate}, not after the step: a bean named like the process
 * variable {@code enrolInLmsTraining} would be shadowed by it in expressions.
 */
@Component("enrolInLmsTrainingDelegate")
public class EnrolInLmsTrainingDelegate implements JavaDelegate {

  private final LmsEnrolment lmsEnrolment;
  private final MailService mailService;
  private final Links links;

  public EnrolInLmsTrainingDelegate(LmsEnrolment lmsEnrolment, MailService mailService, Links links) {
    this.lmsEnrolment = lmsEnrolment;
    this.mailService = mailService;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String teacherEmail = (String) execution.getVariable(TEACHER_EMAIL);
    Enrolment enrolment = lmsEnrolment.enrol(new LmsEnrolment.Request(execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(), (String) execution.getVariable(TEACHER_ID),
        (String) execution.getVariable(TEACHER_NAME), teacherEmail, (String) execution.getVariable(LMS_EXPERIENCE)));

    execution.setVariable(LMS_ENROLMENT_NUMBER, enrolment.enrolmentNumber());
    execution.setVariable(LMS_SESSION_TITLE, enrolment.sessionTitle());
    execution.setVariable(LMS_SESSION_DATE, enrolment.sessionDate().toString());
    execution.setVariable(LMS_SESSION_LOCATION, enrolment.sessionLocation());

    Map<String, Object> model = ProcessMailModel.of(execution, links);
    model.put("lmsSessionDateText", enrolment.sessionDate().format(FrenchDates.WITH_WEEKDAY));
    model.put("lmsSessionHours", enrolment.sessionHours());
    mailService.send(Onboarding.Mails.LMS_TRAINING, teacherEmail, model,
        execution.getProcessInstanceId() + ":" + Onboarding.Tasks.ENROL_IN_LMS_TRAINING);
  }
}
