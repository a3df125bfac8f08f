package org.pedaflow.labelling;

import static org.pedaflow.labelling.LabellingProcess.LABEL_VALIDITY_YEARS;
import static org.pedaflow.labelling.LabellingProcess.Variables.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pedaflow.reference.ReferenceGenerator;
import org.pedaflow.reference.ReferenceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code IssueLabel}: gives the course its label number ({@code LABEL-YYYY-NNNN}) and its end of
 * validity (three years on), and records it in the label register.
 *
 * <p>Safe to run twice: an instance whose label is already registered gets the same label back.
 */
@Component("issueLabel")
public class IssueLabelDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(IssueLabelDelegate.class);

  private final ReferenceGenerator references;
  private final LabelRegister register;

  public IssueLabelDelegate(ReferenceGenerator references, LabelRegister register) {
    this.references = references;
    this.register = register;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RegisteredLabel label = register.findByProcessInstance(execution.getProcessInstanceId())
        .orElseGet(() -> registerNewLabel(execution));
    execution.setVariable(LABEL_NUMBER, label.labelNumber());
    execution.setVariable(LABEL_VALID_UNTIL, label.validUntil().toString());
  }

  private RegisteredLabel registerNewLabel(DelegateExecution execution) {
    LocalDate today = EngineClock.today();
    RegisteredLabel label = new RegisteredLabel(
        references.next(ReferenceType.LABEL),
        execution.getProcessInstanceId(),
        execution.getProcessBusinessKey(),
        (String) execution.getVariable(COURSE_CODE),
        (String) execution.getVariable(COURSE_TITLE),
        (String) execution.getVariable(PROGRAM),
        (String) execution.getVariable(TEACHER_ID),
        today,
        today.plusYears(LABEL_VALIDITY_YEARS));
    register.add(label);
    LOG.info("{} : label {} attribué au cours {}, valable jusqu'au {}", label.businessKey(), label.labelNumber(),
        label.courseCode(), label.validUntil());
    return label;
  }
}
