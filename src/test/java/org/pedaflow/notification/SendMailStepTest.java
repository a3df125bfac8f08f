package org.pedaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * The generic mail step ({@code ${sendMail}}) as a model uses it: its two parameters come from the
 * model without becoming variables, the other input parameters stay variables, and a job that sent
 * its mail and then rolled back does not send it again when it is retried.
 */
class SendMailStepTest extends PedaflowIntegrationTest {

  private static final String KEY = "mail-step-fixture";

  @BeforeEach
  void deployFixture() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repositoryService.createDeployment().name("mail-step-fixture")
          .addClasspathResource("fixtures/mail-step-fixture.bpmn")
          .addClasspathResource("fixtures/mail-step-loop-fixture.bpmn").deploy();
    }
    FailOnce.FAIL_NEXT.set(false);
  }

  @Test
  void theParametersComeFromTheModelAndTheOtherInputsStayVariables() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, Map.of("requesterId", "claire"));
    awaitJobs(instance.getId());

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getState()).isEqualTo("COMPLETED");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(v -> v.getName())
        .contains("requesterId", "taskUrl")
        .doesNotContain(SendMailDelegate.TEMPLATE, SendMailDelegate.TO);
  }

  @Test
  void aRetryAfterARollbackDoesNotSendTheMailTwice() throws Exception {
    FailOnce.FAIL_NEXT.set(true);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(KEY, Map.of("requesterId", "thomas"));
    String jobId = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult().getId();

    // the job executor runs the step: the mail goes out, then the next step fails and the job's transaction rolls back
    long deadline = System.currentTimeMillis() + 30_000;
    while (managementService.createJobQuery().jobId(jobId).singleResult().getRetries() == 3) {
      assertThat(System.currentTimeMillis()).as("la première tentative n'a pas eu lieu").isLessThan(deadline);
      Thread.sleep(50);
    }
    Job failed = managementService.createJobQuery().jobId(jobId).singleResult();
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getExceptionMessage()).contains("panne simulée");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);

    // the retry, here through the API (as POST /job/{id}/execute does): same job, the ledger knows the message
    managementService.executeJob(jobId);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void eachVisitAndEachIterationOfTheStepIsANewMail() {
    // a multi-instance step (one job runs its three iterations, two of them for the same person),
    // visited twice in the same instance: six messages
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("mail-step-loop-fixture",
        Map.of("recipients", List.of("claire", "claire", "thomas"), "round", 0));
    awaitJobs(instance.getId());

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(SendMailStepTest::firstRecipient))
        .containsExactlyInAnyOrder("claire@univ.example", "claire@univ.example", "thomas@univ.example",
            "claire@univ.example", "claire@univ.example", "thomas@univ.example");
  }

  private static String firstRecipient(jakarta.mail.internet.MimeMessage message) {
    try {
      return ((jakarta.mail.internet.InternetAddress) message.getAllRecipients()[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The step after the mail, which fails once when asked to. */
  public static class FailOnce implements JavaDelegate {

    static final AtomicBoolean FAIL_NEXT = new AtomicBoolean();

    @Override
    public void execute(DelegateExecution execution) {
      if (FAIL_NEXT.getAndSet(false)) {
        throw new IllegalStateException("panne simulée après l'envoi");
      }
    }
  }
}
