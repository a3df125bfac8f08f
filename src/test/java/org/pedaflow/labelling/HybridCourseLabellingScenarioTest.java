package org.pedaflow.labelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pedaflow.labelling.LabellingTestSupport.*;
import static org.pedaflow.test.VariableMaps.with;
import static org.pedaflow.test.VariableMaps.without;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pedaflow.identity.Groups;
import org.pedaflow.labelling.LabellingProcess.Activities;
import org.pedaflow.labelling.LabellingProcess.EndEvents;
import org.pedaflow.labelling.LabellingProcess.LabelDecision;
import org.pedaflow.labelling.LabellingProcess.Recommendation;
import org.pedaflow.labelling.LabellingProcess.Tasks;
import org.pedaflow.labelling.LabellingProcess.Variables;
import org.pedaflow.test.Mails;
import org.pedaflow.test.FullCoverage;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code hybrid-course-labelling} through the Java API, and every input the server
 * refuses. Together the tests cover each flow node and sequence flow of the model (checked by
 * {@link FullCoverage}).
 */
@FullCoverage(LabellingProcess.PROCESS_KEY)
class HybridCourseLabellingScenarioTest extends PedaflowIntegrationTest {

  @Autowired private LabelRegister register;
  @Autowired private LabelCatalogueController catalogueController;

  // ---------------------------------------------------------------- paths

  @Test
  void ineligibleCourseIsToldWhyAndEnds() throws Exception {
    ProcessInstance instance = apply(application("SCN-INELIGIBLE", 19));

    assertThat(instance.getBusinessKey()).matches("HYB-\\d{4}-\\d{4}");
    // the mail step is asynchronous and the job executor may already have run it: read what the instance kept
    awaitJobs(instance.getId());

    assertThat(instance).hasPassed(Activities.NOTIFY_INELIGIBLE, EndEvents.COURSE_INELIGIBLE).isEnded();
    assertThat(historicVariable(instance, Variables.TEACHER_ID)).isEqualTo(TEACHER);
    assertThat(historicVariable(instance, Variables.ELIGIBLE)).isEqualTo(false);
    assertThat((String) historicVariable(instance, Variables.ELIGIBILITY_REASON)).contains("inférieure à 20 %");
    MimeMessage mail = singleMailTo(TEACHER_EMAIL);
    assertThat(mail.getSubject()).contains("n'est pas éligible").contains(instance.getBusinessKey());
    assertThat(Mails.text(mail)).contains("19");
  }

  @Test
  void approvedCourseIsGrantedALabelForThreeYears() throws Exception {
    ProcessInstance instance = apply(application("SCN-GRANTED", 20));
    assertThat(instance).isWaitingAt(Tasks.REVIEW_PEDAGOGICAL_DESIGN).variables().containsEntry(Variables.ELIGIBLE, true);
    assertThat(task(instance)).hasCandidateGroup(Groups.INSTRUCTIONAL_DESIGNERS);

    completeAs(DESIGNER, task(instance), review(Recommendation.APPROVE, null));
    assertThat(instance).isWaitingAt(Tasks.DECIDE_LABEL);
    assertThat(task(instance)).hasCandidateGroup(Groups.LABELLING_COMMITTEE);
    completeAs(COMMITTEE_MEMBER, task(instance), Map.of(Variables.LABEL_DECISION, LabelDecision.GRANTED,
        Variables.DECISION_COMMENTS, "Scénarisation exemplaire."));
    awaitJobs(instance.getId());

    assertThat(instance).hasPassed(Activities.ISSUE_LABEL, Activities.NOTIFY_LABEL_GRANTED, EndEvents.LABEL_GRANTED).isEnded();
    String labelNumber = (String) historicVariable(instance, Variables.LABEL_NUMBER);
    LocalDate validUntil = LocalDate.now().plusYears(3);
    assertThat(labelNumber).matches("LABEL-" + LocalDate.now().getYear() + "-\\d{4}");
    assertThat(historicVariable(instance, Variables.LABEL_VALID_UNTIL)).isEqualTo(validUntil.toString());

    RegisteredLabel registered = register.findByProcessInstance(instance.getId()).orElseThrow();
    assertThat(registered).isEqualTo(new RegisteredLabel(labelNumber, instance.getId(), instance.getBusinessKey(),
        "SCN-GRANTED", "Histoire de l'Europe moderne", "Licence d'histoire", TEACHER, LocalDate.now(), validUntil));

    historyService.deleteHistoricProcessInstance(instance.getId());
    assertThat(register.findByProcessInstance(instance.getId())).as("the register outlives the history").contains(registered);

    MimeMessage mail = singleMailTo(TEACHER_EMAIL);
    assertThat(mail.getSubject()).contains(labelNumber);
    assertThat(Mails.text(mail)).contains(labelNumber)
        .contains(validUntil.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
        .contains("Scénarisation exemplaire.");
  }

  @Test
  void rejectedCourseIsRefusedWithTheCommitteesComments() throws Exception {
    ProcessInstance instance = apply(application("SCN-REFUSED", 80));

    completeAs(DESIGNER, task(instance), review(Recommendation.REJECT, "Aucune activité à distance n'est scénarisée."));
    assertThat(instance).isWaitingAt(Tasks.DECIDE_LABEL);
    completeAs(COMMITTEE_MEMBER, task(instance), Map.of(Variables.LABEL_DECISION, LabelDecision.REFUSED,
        Variables.DECISION_COMMENTS, "Le comité suit l'avis défavorable de l'ingénieur pédagogique."));
    awaitJobs(instance.getId());

    assertThat(instance).hasPassed(Activities.NOTIFY_LABEL_REFUSED, EndEvents.LABEL_REFUSED)
        .hasNotPassed(Activities.ISSUE_LABEL).isEnded();
    assertThat(register.findByProcessInstance(instance.getId())).isEmpty();
    MimeMessage mail = singleMailTo(TEACHER_EMAIL);
    assertThat(mail.getSubject()).contains("non attribué");
    assertThat(Mails.text(mail)).contains("Le comité suit l'avis défavorable");
  }

  @Test
  void afterThreeRevisionsTheFourthReviewMayOnlyApproveOrReject() throws Exception {
    ProcessInstance instance = apply(application("SCN-REVISIONS", 50));

    for (int round = 1; round <= LabellingProcess.MAX_REVISION_ROUNDS; round++) {
      if (round > 1) {
        // each round collects its own answers: the previous round's scores and recommendation do not count
        assertCompletionRefused(DESIGNER, task(instance), Map.of(Variables.REVIEW_COMMENTS, "Même avis qu'avant."),
            Variables.SCORE_ALIGNMENT, "obligatoire");
      }
      completeAs(DESIGNER, task(instance), review(Recommendation.REVISE, "Précisez les consignes, tour " + round + "."));
      awaitJobs(instance.getId());
      assertThat(instance).isWaitingAt(Tasks.REVISE_COURSE).variables()
          .containsEntry(Variables.RECOMMENDATION, Recommendation.REVISE)
          .doesNotContainKey(Variables.REVISION_NOTES);
      assertThat(task(instance)).isAssignedTo(TEACHER);
      assertThat(task(instance).getDueDate()).isAfter(Date.from(java.time.Instant.now().plus(Duration.ofDays(29))));
      if (round > 1) {
        // nor do the previous round's notes
        assertCompletionRefused(TEACHER, task(instance), Map.of(), Variables.REVISION_NOTES, "obligatoire");
      }
      completeAs(TEACHER, task(instance), Map.of(Variables.REVISION_NOTES, "Consignes réécrites, tour " + round + "."));
      assertThat(instance).isWaitingAt(Tasks.REVIEW_PEDAGOGICAL_DESIGN).variables()
          .containsEntry(Variables.REVISION_COUNT, round)
          .containsEntry(Variables.REVISION_NOTES, "Consignes réécrites, tour " + round + ".")
          .doesNotContainKeys(Variables.REVIEW_COMMENTS, Variables.RECOMMENDATION, Variables.SCORE_ALIGNMENT,
              Variables.SCORE_ACTIVITIES, Variables.SCORE_ASSESSMENT, Variables.SCORE_ACCESSIBILITY);
    }
    String history = (String) runtimeService.getVariable(instance.getId(), Variables.REVISION_HISTORY);
    assertThat(history).contains("**Révision 1**", "**Révision 2**", "**Révision 3**",
        "« Précisez les consignes, tour 2. »", "« Consignes réécrites, tour 3. »");
    assertThat(Mails.to(greenMail.getReceivedMessages(), TEACHER_EMAIL)).hasSize(3)
        .allSatisfy(mail -> assertThat(mail.getSubject()).contains("révision demandée"))
        // the configured delay (pedaflow.timers.labelling.revision-deadline), written out
        .allSatisfy(mail -> assertThat(Mails.text(mail)).contains("Sans réponse de votre part sous 30 jours, la demande sera close."));

    Task fourthReview = task(instance);
    Throwable refused = catchThrowable(() ->
        completeAs(DESIGNER, fourthReview, review(Recommendation.REVISE, "Encore une révision ?")));
    assertRefused(refused, Variables.RECOMMENDATION, "trois révisions ont déjà été demandées");
    assertThat(taskService.createTaskQuery().taskId(fourthReview.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instance.getId(), Variables.RECOMMENDATION)).isNull();

    completeAs(DESIGNER, fourthReview, review(Recommendation.REJECT, "Les révisions n'ont pas suffi."));
    assertThat(instance).isWaitingAt(Tasks.DECIDE_LABEL).variables()
        .containsEntry(Variables.RECOMMENDATION, Recommendation.REJECT)
        .containsEntry(Variables.REVIEW_COMMENTS, "Les révisions n'ont pas suffi.");
  }

  @Test
  void applicationIsClosedAfterThirtyDaysWithoutRevision() throws Exception {
    ProcessInstance instance = apply(application("SCN-ABANDONED", 35));
    completeAs(DESIGNER, task(instance), review(Recommendation.REVISE, "Ajoutez une évaluation formative."));
    awaitJobs(instance.getId());
    assertThat(instance).isWaitingAt(Tasks.REVISE_COURSE);
    greenMail.purgeEmailFromAllMailboxes();

    Job deadline = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(deadline.getDuedate()).isCloseTo(Date.from(java.time.Instant.now().plus(Duration.ofDays(30))),
        Duration.ofMinutes(5).toMillis());
    assertThat(deadline.getDuedate()).isCloseTo(task(instance).getDueDate(), 1000);
    managementService.executeJob(deadline.getId());
    awaitJobs(instance.getId());

    assertThat(instance).hasPassed(Activities.REVISION_TIMEOUT, Activities.NOTIFY_APPLICATION_ABANDONED,
        EndEvents.APPLICATION_ABANDONED).hasNotPassed(Tasks.DECIDE_LABEL).isEnded();
    MimeMessage mail = singleMailTo(TEACHER_EMAIL);
    assertThat(mail.getSubject()).contains("demande close");
    assertThat(Mails.text(mail)).contains("Faute de révision dans le délai de 30 jours");
    assertThat(Mails.html(mail)).contains("30 jours");
  }

  @Test
  void issuingTheLabelTwiceInOneInstanceGivesTheSameLabel() {
    ProcessInstance instance = apply(application("SCN-TWICE", 50));
    completeAs(DESIGNER, task(instance), review(Recommendation.APPROVE, null));

    // an administrator runs « Délivrer le label » again from Cockpit (instance modification), twice,
    // as a retry after a failure would: each run is a job of the real engine
    String labelNumber = null;
    for (int run = 0; run < 2; run++) {
      runtimeService.createProcessInstanceModification(instance.getId()).startBeforeActivity(Activities.ISSUE_LABEL).execute();
      awaitJobs(instance.getId());
      String issued = (String) runtimeService.getVariable(instance.getId(), Variables.LABEL_NUMBER);
      assertThat(issued).matches("LABEL-\\d{4}-\\d{4}");
      if (labelNumber != null) {
        assertThat(issued).as("the second run gives the label of the first").isEqualTo(labelNumber);
      }
      labelNumber = issued;
    }
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(Activities.ISSUE_LABEL).finished().count()).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM labelling_label_register WHERE process_instance_id = ?",
        Integer.class, instance.getId())).as("one label in the register").isEqualTo(1);
    assertThat(register.findByProcessInstance(instance.getId()).orElseThrow().labelNumber()).isEqualTo(labelNumber);
  }

  @Test
  void catalogueListsOnlyTheLabelsStillValidAndNoPersonalData() {
    LocalDate today = LocalDate.now();
    register.add(new RegisteredLabel("LABEL-2020-0901", "scenario-expired-" + System.nanoTime(), "HYB-2020-0901",
        "SCN-EXPIRED", "Cours expiré", "Licence", "thomas", today.minusYears(3).minusDays(1), today.minusDays(1)));
    register.add(new RegisteredLabel("LABEL-2023-0902", "scenario-last-day-" + System.nanoTime(), "HYB-2023-0902",
        "SCN-LAST-DAY", "Cours au dernier jour", "Licence", "thomas", today.minusYears(3), today));

    List<LabelCatalogueController.PublicLabel> catalogue = catalogueController.validLabels();

    assertThat(catalogue).extracting(LabelCatalogueController.PublicLabel::courseCode)
        .contains("SCN-LAST-DAY").doesNotContain("SCN-EXPIRED");
    assertThat(LabelCatalogueController.PublicLabel.class.getRecordComponents())
        .extracting(java.lang.reflect.RecordComponent::getName)
        .containsExactly("labelNumber", "courseCode", "courseTitle", "program", "grantedOn", "validUntil");
  }

  // ---------------------------------------------------------------- refused inputs

  @Test
  void startIsRefusedForEachBrokenRuleAndNothingIsPersisted() {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(LabellingProcess.PROCESS_KEY).count();
    Map<String, Object> valid = application("SCN-REFUSED-START", 50);

    assertStartRefused(without(valid, Variables.COURSE_TITLE), Variables.COURSE_TITLE, "obligatoire");
    assertStartRefused(with(valid, Variables.COURSE_TITLE, "   "), Variables.COURSE_TITLE, "obligatoire");
    assertStartRefused(without(valid, Variables.COURSE_CODE), Variables.COURSE_CODE, "obligatoire");
    assertStartRefused(with(valid, Variables.PROGRAM, ""), Variables.PROGRAM, "obligatoire");
    assertStartRefused(with(valid, Variables.ECTS, 0), Variables.ECTS, "entre 1 et 60");
    assertStartRefused(with(valid, Variables.ECTS, 61), Variables.ECTS, "entre 1 et 60");
    assertStartRefused(with(valid, Variables.ECTS, 2.5), Variables.ECTS, "nombre entier");
    assertStartRefused(with(valid, Variables.DISTANCE_SHARE_PERCENT, -1), Variables.DISTANCE_SHARE_PERCENT, "entre 0 et 100");
    assertStartRefused(with(valid, Variables.DISTANCE_SHARE_PERCENT, 101), Variables.DISTANCE_SHARE_PERCENT, "entre 0 et 100");
    assertStartRefused(without(valid, Variables.DISTANCE_SHARE_PERCENT), Variables.DISTANCE_SHARE_PERCENT, "obligatoire");
    assertStartRefused(with(valid, Variables.LMS_COURSE_URL, "ftp://moodle.univ.example/cours"), Variables.LMS_COURSE_URL, "http://");
    assertStartRefused(with(valid, Variables.LMS_COURSE_URL, "moodle.univ.example"), Variables.LMS_COURSE_URL, "http://");
    assertStartRefused(without(valid, Variables.LMS_COURSE_URL), Variables.LMS_COURSE_URL, "obligatoire");
    assertStartRefused(with(valid, Variables.COURSE_TITLE, "x".repeat(256)), Variables.COURSE_TITLE, "255");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(LabellingProcess.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void theApplicantIsTheLoggedInTeacherWhateverTheFormSends() {
    ProcessInstance instance = apply(with(application("SCN-INITIATOR", 50), Variables.TEACHER_ID, "thomas"));

    assertThat(instance).variables().containsEntry(Variables.TEACHER_ID, TEACHER);
    Throwable anonymous = catchThrowable(() ->
        runtimeService.startProcessInstanceByKey(LabellingProcess.PROCESS_KEY, application("SCN-ANONYMOUS", 50)));
    assertRefused(anonymous, Variables.TEACHER_ID, "obligatoire");
  }

  @Test
  void reviewIsRefusedForEachBrokenRuleAndTheTaskStaysOpen() {
    ProcessInstance instance = apply(application("SCN-REFUSED-REVIEW", 50));
    Task review = task(instance);

    assertCompletionRefused(DESIGNER, review, with(review(Recommendation.APPROVE, null), Variables.SCORE_ALIGNMENT, 4), Variables.SCORE_ALIGNMENT, "entre 0 et 3");
    assertCompletionRefused(DESIGNER, review, with(review(Recommendation.APPROVE, null), Variables.SCORE_ACTIVITIES, -1), Variables.SCORE_ACTIVITIES, "entre 0 et 3");
    assertCompletionRefused(DESIGNER, review, without(review(Recommendation.APPROVE, null), Variables.SCORE_ASSESSMENT), Variables.SCORE_ASSESSMENT, "obligatoire");
    assertCompletionRefused(DESIGNER, review, with(review(Recommendation.APPROVE, null), Variables.SCORE_ACCESSIBILITY, "trois"), Variables.SCORE_ACCESSIBILITY, "nombre entier");
    assertCompletionRefused(DESIGNER, review, review("maybe", "Pourquoi pas."), Variables.RECOMMENDATION, "approve, revise, reject");
    assertCompletionRefused(DESIGNER, review, without(review(Recommendation.APPROVE, null), Variables.RECOMMENDATION), Variables.RECOMMENDATION, "obligatoire");
    assertCompletionRefused(DESIGNER, review, review(Recommendation.REVISE, null), Variables.REVIEW_COMMENTS, "obligatoire");
    assertCompletionRefused(DESIGNER, review, review(Recommendation.REJECT, "  "), Variables.REVIEW_COMMENTS, "obligatoire");

    assertThat(runtimeService.getVariable(instance.getId(), Variables.SCORE_ALIGNMENT)).isNull();
    assertThat(instance).isWaitingAt(Tasks.REVIEW_PEDAGOGICAL_DESIGN);
  }

  @Test
  void revisionWithoutNotesIsRefused() {
    ProcessInstance instance = apply(application("SCN-REFUSED-REVISION", 50));
    completeAs(DESIGNER, task(instance), review(Recommendation.REVISE, "Ajoutez un forum."));
    awaitJobs(instance.getId());

    assertCompletionRefused(TEACHER, task(instance), Map.of(), Variables.REVISION_NOTES, "obligatoire");
    assertCompletionRefused(TEACHER, task(instance), Map.of(Variables.REVISION_NOTES, " "), Variables.REVISION_NOTES, "obligatoire");
    assertThat(instance).isWaitingAt(Tasks.REVISE_COURSE).variables().doesNotContainKey(Variables.REVISION_COUNT);
  }

  @Test
  void decisionIsRefusedForEachBrokenRule() {
    ProcessInstance instance = apply(application("SCN-REFUSED-DECISION", 50));
    completeAs(DESIGNER, task(instance), review(Recommendation.APPROVE, null));
    Task decision = task(instance);

    assertCompletionRefused(COMMITTEE_MEMBER, decision, Map.of(Variables.LABEL_DECISION, "maybe"), Variables.LABEL_DECISION, "granted, refused");
    assertCompletionRefused(COMMITTEE_MEMBER, decision, Map.of(Variables.DECISION_COMMENTS, "Oui."), Variables.LABEL_DECISION, "obligatoire");
    assertCompletionRefused(COMMITTEE_MEMBER, decision, Map.of(Variables.LABEL_DECISION, LabelDecision.REFUSED), Variables.DECISION_COMMENTS, "obligatoire");

    assertThat(instance).isWaitingAt(Tasks.DECIDE_LABEL).variables().doesNotContainKey(Variables.LABEL_DECISION);
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance apply(Map<String, Object> application) {
    authenticateAs(TEACHER);
    try {
      return runtimeService.startProcessInstanceByKey(LabellingProcess.PROCESS_KEY, application);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    authenticateAs(userId);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** As the user logged in to Tasklist: with their groups, so that the authorizations apply. */
  private void authenticateAs(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication(userId, groups);
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  private void assertStartRefused(Map<String, Object> application, String field, String messagePart) {
    assertRefused(catchThrowable(() -> apply(application)), field, messagePart);
  }

  private void assertCompletionRefused(String userId, Task task, Map<String, Object> variables, String field,
      String messagePart) {
    assertRefused(catchThrowable(() -> completeAs(userId, task, variables)), field, messagePart);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
  }

  private MimeMessage singleMailTo(String address) {
    List<MimeMessage> mails = Mails.to(greenMail.getReceivedMessages(), address);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }
}
