package org.pedaflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pedaflow.onboarding.Onboarding.Tasks;
import org.pedaflow.onboarding.Onboarding.Vars;
import org.pedaflow.rules.InvalidInputException;
import org.pedaflow.test.Mails;
import org.pedaflow.test.FullCoverage;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code teacher-onboarding}: with and without LMS training, the questionnaire
 * reminders (twice, never a third time), and each input the rules refuse. The class fails unless
 * these scenarios cover every flow node and sequence flow of the model.
 */
@FullCoverage(Onboarding.PROCESS_KEY)
class TeacherOnboardingScenarioTest extends PedaflowIntegrationTest {

  private static final long HOUR = 60L * 60 * 1000;
  /** Timer durations are calendar days: a daylight saving change makes one an hour shorter or longer. */
  private static final long DAY = 24 * HOUR;

  @Autowired private LmsEnrolment lmsEnrolment;

  /** A recipient address of this test only: mails of other tests' jobs never mix with ours. */
  private final String teacherEmail = "thomas.martin+" + UUID.randomUUID().toString().substring(0, 8) + "@univ.example";
  private final List<String> startedInstances = new ArrayList<>();

  @AfterEach
  void removeUnfinishedInstances() {
    ClockUtil.reset();
    for (String id : startedInstances) {
      awaitJobs(id);
      for (int attempt = 1; runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0; attempt++) {
        try {
          runtimeService.deleteProcessInstance(id, "fin du test", true, true);
        } catch (OptimisticLockingException jobRunningMeanwhile) {
          if (attempt == 3) {
            throw jobRunningMeanwhile;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- paths

  @Test
  void theTeachersAddressIsKeptAsWritten() {
    String written = "  Thomas.Martin+" + UUID.randomUUID().toString().substring(0, 8) + "@Univ.Example ";
    ProcessInstance instance = startAndSendWelcome(Map.of(Vars.TEACHER_EMAIL, written));
    // trimmed, not lowercased: the part before @ may be case-sensitive, and a client reads back what it sent
    assertThat(runtimeService.getVariable(instance.getId(), Vars.TEACHER_EMAIL)).isEqualTo(written.strip());
    assertThat(Mails.to(greenMail.getReceivedMessages(), written.strip())).hasSize(1);
  }

  @Test
  void theWelcomeMailWritesTheFirstOfTheMonthAsFrenchDoes() {
    LocalDate firstOfNextMonth = LocalDate.now().plusMonths(1).withDayOfMonth(1);
    startAndSendWelcome(Map.of(Vars.START_DATE, firstOfNextMonth.toString()));
    String expected = "1er " + firstOfNextMonth.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE));
    MimeMessage welcome = onlyMail();
    assertThat(Mails.text(welcome)).contains("à compter du " + expected + ".");
    assertThat(Mails.html(welcome)).contains(expected);
  }

  @Test
  void withoutLmsTrainingTheTeacherIsWelcomedAndRatesTheOnboarding() {
    ProcessInstance instance = startAndSendWelcome(Map.of());

    assertThat(instance.getBusinessKey()).matches("ONB-\\d{4}-\\d{4}");
    MimeMessage welcome = onlyMail();
    assertThat(Mails.subject(welcome)).contains("Bienvenue").contains(instance.getBusinessKey());
    String startDate = LocalDate.parse((String) runtimeService.getVariable(instance.getId(), Vars.START_DATE))
        .format(org.pedaflow.notification.FrenchDates.LONG); // « 1er » on the first of the month
    assertThat(Mails.text(welcome)).contains("Thomas Martin", "thomas", "questionnaire de besoins",
        "à compter du " + startDate, "http://pedaflow.test/camunda/app/tasklist/")
        .doesNotContain("formation à la plateforme");
    assertThat(Mails.html(welcome)).contains(startDate);

    assignMentorAndAnswerQuestionnaire(instance);
    holdMeeting(instance, false);

    assertThat(instance).isWaitingAt(Tasks.RATE_ONBOARDING);
    assertThat(task(instance)).isAssignedTo("thomas");
    complete(task(instance), Map.of(Vars.SATISFACTION, 4L, Vars.SATISFACTION_COMMENT, "  Très bon accueil.  "));

    assertThat(instance).isEnded().hasPassed(Tasks.SEND_WELCOME_EMAIL, Tasks.ASSIGN_MENTOR,
        Tasks.COMPLETE_NEEDS_QUESTIONNAIRE, Tasks.HOLD_WELCOME_MEETING, Tasks.RATE_ONBOARDING, Tasks.TEACHER_WELCOMED).hasNotPassed(Tasks.ENROL_IN_LMS_TRAINING);
    assertThat(historicVariable(instance, Vars.SATISFACTION).getTypeName()).isEqualTo("integer");
    assertThat(historicVariable(instance, Vars.SATISFACTION).getValue()).isEqualTo(4);
    assertThat(historicVariable(instance, Vars.SATISFACTION_COMMENT).getValue()).isEqualTo("Très bon accueil.");
    assertThat(Mails.to(greenMail.getReceivedMessages(), teacherEmail)).hasSize(1);
  }

  @Test
  void trainingRequestedByHrEnrolsTheTeacherAndMailsTheSession() {
    ProcessInstance instance = startAndSendWelcome(Map.of(Vars.NEEDS_LMS_TRAINING, true));
    assertThat(Mails.text(onlyMail())).contains("formation à la plateforme pédagogique (LMS) est prévue");

    assignMentorAndAnswerQuestionnaire(instance);
    holdMeeting(instance, false);
    awaitJobs(instance.getId());

    assertThat(instance).hasPassed(Tasks.ENROL_IN_LMS_TRAINING).isWaitingAt(Tasks.RATE_ONBOARDING);
    assertEnrolledOnceAndMailed(instance);
    complete(task(instance), Map.of(Vars.SATISFACTION, 5));
    assertThat(instance).isEnded().hasPassed(Tasks.TEACHER_WELCOMED);
  }

  @Test
  void trainingDecidedAtTheMeetingEnrolsTheTeacher() {
    ProcessInstance instance = startAndSendWelcome(Map.of(Vars.NEEDS_LMS_TRAINING, false));
    assignMentorAndAnswerQuestionnaire(instance);
    holdMeeting(instance, true);
    awaitJobs(instance.getId());

    assertThat(instance).hasPassed(Tasks.ENROL_IN_LMS_TRAINING).isWaitingAt(Tasks.RATE_ONBOARDING);
    assertEnrolledOnceAndMailed(instance);
    complete(task(instance), Map.of(Vars.SATISFACTION, 3.0));
    assertThat(instance).isEnded();
    assertThat(historicVariable(instance, Vars.SATISFACTION).getValue()).isEqualTo(3);
  }

  @Test
  void aRetriedEnrolmentNeitherEnrolsNorMailsTwice() {
    ProcessInstance instance = startAndSendWelcome(Map.of(Vars.NEEDS_LMS_TRAINING, true));
    assignMentorAndAnswerQuestionnaire(instance);
    holdMeeting(instance, false);
    awaitJobs(instance.getId());
    String firstNumber = (String) runtimeService.getVariable(instance.getId(), Vars.LMS_ENROLMENT_NUMBER);

    // run the step a second time for the same instance, as a retry after a rollback would
    runtimeService.createProcessInstanceModification(instance.getId())
        .startBeforeActivity(Tasks.ENROL_IN_LMS_TRAINING).execute();
    awaitJobs(instance.getId());

    assertThat(runtimeService.getVariable(instance.getId(), Vars.LMS_ENROLMENT_NUMBER)).isEqualTo(firstNumber);
    assertThat(enrolmentRows(instance)).isEqualTo(1);
    assertThat(mailsWithSubject("formation au LMS")).hasSize(1);
  }

  @Test
  void theEnrolmentServiceAnswersTheSameEnrolmentForTheSameKey() {
    String key = "test-" + UUID.randomUUID();
    LmsEnrolment.Request request = new LmsEnrolment.Request(key, null, "thomas", "Thomas Martin", teacherEmail, "advanced");

    LmsEnrolment.Enrolment first = lmsEnrolment.enrol(request);
    LmsEnrolment.Enrolment second = lmsEnrolment.enrol(request);

    assertThat(second).isEqualTo(first);
    assertThat(first.sessionTitle()).contains("avancé");
    assertThat(first.sessionDate()).isAfterOrEqualTo(LocalDate.now().plusDays(7));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM onboarding_lms_enrolment WHERE enrolment_key = ?",
        Integer.class, key)).isEqualTo(1);
  }

  @Test
  void theQuestionnaireRemindersFireTwiceAndNeverAThirdTime() {
    ProcessInstance instance = startAndSendWelcome(Map.of());
    Job firstTimer = reminderTimer(instance);
    assertThat(firstTimer.getDuedate().getTime() - ClockUtil.getCurrentTime().getTime())
        .isCloseTo(7 * DAY, within(HOUR + 60_000L));

    moveClockPast(firstTimer.getDuedate());
    awaitJobs(instance.getId());
    assertThat(mailsWithSubject("Rappel")).hasSize(1);
    Job secondTimer = reminderTimer(instance);
    assertThat(secondTimer.getDuedate().getTime() - firstTimer.getDuedate().getTime()).isCloseTo(7 * DAY, within(HOUR));

    // the mentor is known by the second reminder: the mail names them
    Task assignMentor = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Tasks.ASSIGN_MENTOR).singleResult();
    complete(assignMentor, Map.of(Vars.MENTOR_ID, "ines"));
    moveClockPast(secondTimer.getDuedate());
    awaitJobs(instance.getId());
    List<MimeMessage> reminders = mailsWithSubject("Rappel");
    assertThat(reminders).hasSize(2);
    assertThat(Mails.text(reminders.get(1))).contains("Votre mentor, Inès Lefèvre");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();

    // when a third reminder would be due (not further: other processes' 30-day timers stay asleep)
    moveClockPast(new Date(secondTimer.getDuedate().getTime() + 7 * DAY));
    awaitJobs(instance.getId());
    assertThat(mailsWithSubject("Rappel")).hasSize(2);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(Tasks.SEND_QUESTIONNAIRE_REMINDER).finished().count()).isEqualTo(2);
    assertThat(instance).isWaitingAt(Tasks.COMPLETE_NEEDS_QUESTIONNAIRE);

    // answering the questionnaire after the reminders goes on as usual
    complete(questionnaire(instance), questionnaireAnswers());
    assertThat(instance).isWaitingAt(Tasks.HOLD_WELCOME_MEETING);
  }

  @Test
  void answeringTheQuestionnaireInTimeCancelsTheReminders() {
    ProcessInstance instance = startAndSendWelcome(Map.of());
    complete(questionnaire(instance), questionnaireAnswers());

    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
    assertThat(instance).isWaitingAt(Tasks.ASSIGN_MENTOR);
  }

  // ---------------------------------------------------------------- refused start

  @Test
  void startRefusesAMissingOrUnknownTeacher() {
    assertStartRefused(Vars.TEACHER_ID, v -> v.remove(Vars.TEACHER_ID), "ce champ est obligatoire");
    assertStartRefused(Vars.TEACHER_ID, v -> v.put(Vars.TEACHER_ID, "  "), "ce champ est obligatoire");
    assertStartRefused(Vars.TEACHER_ID, v -> v.put(Vars.TEACHER_ID, "personne"), "aucun compte « personne »");
  }

  @Test
  void startRefusesABlankNameOrDepartment() {
    assertStartRefused(Vars.TEACHER_NAME, v -> v.put(Vars.TEACHER_NAME, ""), "ce champ est obligatoire");
    assertStartRefused(Vars.DEPARTMENT, v -> v.remove(Vars.DEPARTMENT), "ce champ est obligatoire");
  }

  @Test
  void startRefusesAnInvalidEmail() {
    assertStartRefused(Vars.TEACHER_EMAIL, v -> v.put(Vars.TEACHER_EMAIL, "thomas.univ.example"),
        "l'adresse électronique n'est pas valide");
    assertStartRefused(Vars.TEACHER_EMAIL, v -> v.put(Vars.TEACHER_EMAIL, "thomas@"), "n'est pas valide");
  }

  @Test
  void startRefusesAnUnknownStatus() {
    assertStartRefused(Vars.STATUS, v -> v.put(Vars.STATUS, "stagiaire"),
        "valeur attendue parmi titulaire, contractuel, vacataire");
    assertStartRefused(Vars.STATUS, v -> v.remove(Vars.STATUS), "ce champ est obligatoire");
  }

  @Test
  void startRefusesAStartDateThatIsNoDateOrMoreThanAYearAgo() {
    assertStartRefused(Vars.START_DATE, v -> v.put(Vars.START_DATE, "01/09/2026"), "AAAA-MM-JJ");
    assertStartRefused(Vars.START_DATE, v -> v.put(Vars.START_DATE, LocalDate.now().minusYears(1).minusDays(1).toString()),
        "plus d'un an");
  }

  @Test
  void startAcceptsAStartDateExactlyOneYearAgoOrInTheFuture() {
    for (LocalDate date : List.of(LocalDate.now().minusYears(1), LocalDate.now().plusMonths(3))) {
      Map<String, Object> variables = startVariables(Map.of(Vars.START_DATE, date.toString()));
      ProcessInstance instance = runtimeService.startProcessInstanceByKey(Onboarding.PROCESS_KEY, variables);
      startedInstances.add(instance.getId());
      assertThat(runtimeService.getVariable(instance.getId(), Vars.START_DATE)).isEqualTo(date.toString());
    }
  }

  @Test
  void startRefusesANeedsLmsTrainingThatIsNoBoolean() {
    assertStartRefused(Vars.NEEDS_LMS_TRAINING, v -> v.remove(Vars.NEEDS_LMS_TRAINING), "ce champ est obligatoire");
    assertStartRefused(Vars.NEEDS_LMS_TRAINING, v -> v.put(Vars.NEEDS_LMS_TRAINING, "peut-être"), "oui ou non");
  }
  // ---------------------------------------------------------------- refused completions

  @Test
  void theMentorMustBeAnInstructionalDesigner() {
    ProcessInstance instance = startAndSendWelcome(Map.of());
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Tasks.ASSIGN_MENTOR).singleResult();

    assertCompletionRefused(task, Map.of(), Vars.MENTOR_ID, "ce champ est obligatoire");
    assertCompletionRefused(task, Map.of(Vars.MENTOR_ID, "thomas"), Vars.MENTOR_ID,
        "« thomas » n'est pas membre du groupe « Ingénieurs pédagogiques »");
    assertCompletionRefused(task, Map.of(Vars.MENTOR_ID, "personne"), Vars.MENTOR_ID, "n'est pas membre");
  }

  @Test
  void theQuestionnaireAnswersMustBeAmongTheChoices() {
    ProcessInstance instance = startAndSendWelcome(Map.of());
    Task task = questionnaire(instance);

    assertCompletionRefused(task, answers(Vars.LMS_EXPERIENCE, "expert"), Vars.LMS_EXPERIENCE,
        "valeur attendue parmi none, basic, advanced");
    assertCompletionRefused(task, answers(Vars.INTERESTS, "hybrid,cooking"), Vars.INTERESTS,
        "« cooking » n'est pas permis");
    assertCompletionRefused(task, answers(Vars.INTERESTS, List.of("assessment", "gardening")), Vars.INTERESTS,
        "« gardening » n'est pas permis");
    Map<String, Object> withoutLabelAnswer = new HashMap<>(questionnaireAnswers());
    withoutLabelAnswer.remove(Vars.WANTS_LABEL_SUPPORT);
    assertCompletionRefused(task, withoutLabelAnswer, Vars.WANTS_LABEL_SUPPORT, "ce champ est obligatoire");
  }

  @Test
  void interestsArriveAsAListOrAsTasklistSendsThemAndAreStoredCommaSeparated() {
    ProcessInstance instance = startAndSendWelcome(Map.of());
    assertThat(runtimeService.getVariable(instance.getId(), Vars.INTERESTS)).isEqualTo("");

    complete(questionnaire(instance), answers(Vars.INTERESTS, "[\"flipped-classroom\",\"hybrid\"]"));

    assertThat(runtimeService.getVariable(instance.getId(), Vars.INTERESTS)).isEqualTo("flipped-classroom,hybrid");
  }

  @Test
  void theMeetingNeedsADateAPlanAndATrainingDecision() {
    ProcessInstance instance = startAndSendWelcome(Map.of());
    assignMentorAndAnswerQuestionnaire(instance);
    Task task = task(instance);

    assertCompletionRefused(task, meeting(Vars.MEETING_DATE, "demain"), Vars.MEETING_DATE, "AAAA-MM-JJ");
    assertCompletionRefused(task, meeting(Vars.TRAINING_PLAN, " "), Vars.TRAINING_PLAN, "ce champ est obligatoire");
    assertCompletionRefused(task, meeting(Vars.ENROL_IN_LMS_TRAINING, 1), Vars.ENROL_IN_LMS_TRAINING, "oui ou non");
  }

  @Test
  void theSatisfactionIsAnIntegerFromOneToFive() {
    ProcessInstance instance = startAndSendWelcome(Map.of());
    assignMentorAndAnswerQuestionnaire(instance);
    holdMeeting(instance, false);
    Task task = task(instance);

    assertCompletionRefused(task, Map.of(), Vars.SATISFACTION, "ce champ est obligatoire");
    assertCompletionRefused(task, Map.of(Vars.SATISFACTION, 0), Vars.SATISFACTION, "entre 1 et 5");
    assertCompletionRefused(task, Map.of(Vars.SATISFACTION, 6L), Vars.SATISFACTION, "entre 1 et 5");
    assertCompletionRefused(task, Map.of(Vars.SATISFACTION, 3.5), Vars.SATISFACTION, "un nombre entier est attendu");
    assertThat(instance).isWaitingAt(Tasks.RATE_ONBOARDING);
  }
  // ---------------------------------------------------------------- helpers

  private Map<String, Object> startVariables(Map<String, Object> overrides) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.TEACHER_ID, "thomas");
    variables.put(Vars.TEACHER_NAME, "Thomas Martin");
    variables.put(Vars.TEACHER_EMAIL, teacherEmail);
    variables.put(Vars.DEPARTMENT, "Faculté des sciences");
    variables.put(Vars.STATUS, "contractuel");
    variables.put(Vars.START_DATE, LocalDate.now().plusDays(10).toString());
    variables.put(Vars.NEEDS_LMS_TRAINING, false);
    variables.putAll(overrides);
    return variables;
  }

  /** Starts an instance and lets the job executor send the welcome mail. */
  private ProcessInstance startAndSendWelcome(Map<String, Object> overrides) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(Onboarding.PROCESS_KEY, startVariables(overrides));
    startedInstances.add(instance.getId());
    awaitJobs(instance.getId());
    assertThat(instance).hasPassed(Tasks.SEND_WELCOME_EMAIL)
        .isWaitingAt(Tasks.ASSIGN_MENTOR, Tasks.COMPLETE_NEEDS_QUESTIONNAIRE);
    return instance;
  }

  private void assignMentorAndAnswerQuestionnaire(ProcessInstance instance) {
    Task assignMentor = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Tasks.ASSIGN_MENTOR).singleResult();
    assertThat(assignMentor).hasCandidateGroup("instructional-designers").isNotAssigned();
    complete(assignMentor, Map.of(Vars.MENTOR_ID, "ines"));
    assertThat(runtimeService.getVariable(instance.getId(), Vars.MENTOR_NAME)).isEqualTo("Inès Lefèvre");

    Task questionnaire = questionnaire(instance);
    assertThat(questionnaire).isAssignedTo("thomas");
    assertThat(questionnaire.getDueDate()).isNotNull();
    complete(questionnaire, questionnaireAnswers());
    assertThat(runtimeService.getVariable(instance.getId(), Vars.INTERESTS)).isEqualTo("hybrid,accessibility");
    assertThat(instance).isWaitingAt(Tasks.HOLD_WELCOME_MEETING);
    assertThat(task(instance)).isAssignedTo("ines");
  }

  private void holdMeeting(ProcessInstance instance, boolean enrolInLmsTraining) {
    complete(task(instance), meeting(Vars.ENROL_IN_LMS_TRAINING, enrolInLmsTraining));
  }

  private Task questionnaire(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Tasks.COMPLETE_NEEDS_QUESTIONNAIRE).singleResult();
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static Map<String, Object> questionnaireAnswers() {
    return Map.of(Vars.LMS_EXPERIENCE, "basic", Vars.INTERESTS, List.of("hybrid", "accessibility"),
        Vars.WANTS_LABEL_SUPPORT, true);
  }

  private static Map<String, Object> answers(String name, Object value) {
    Map<String, Object> answers = new HashMap<>(questionnaireAnswers());
    answers.put(name, value);
    return answers;
  }

  private static Map<String, Object> meeting(String name, Object value) {
    Map<String, Object> meeting = new HashMap<>();
    meeting.put(Vars.MEETING_DATE, LocalDate.now().toString());
    meeting.put(Vars.TRAINING_PLAN, "Atelier classe inversée en janvier ; accompagnement vers le label.");
    meeting.put(Vars.ENROL_IN_LMS_TRAINING, false);
    meeting.put(name, value);
    return meeting;
  }

  private void assertStartRefused(String field, Consumer<Map<String, Object>> change, String reason) {
    Map<String, Object> variables = startVariables(Map.of());
    change.accept(variables);
    long before = onboardingInstances();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(Onboarding.PROCESS_KEY, variables))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(" + field + ")")
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    assertThat(onboardingInstances()).as("aucune instance enregistrée").isEqualTo(before);
  }

  private void assertCompletionRefused(Task task, Map<String, Object> variables, String field, String reason) {
    // the engine wraps what a task listener throws; the REST layer answers with the rule's own message
    assertThatThrownBy(() -> taskService.complete(task.getId(), variables))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause()
        .hasMessageContaining("(" + field + ")")
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("la tâche reste ouverte").isEqualTo(1);
    if (!Vars.INTERESTS.equals(field)) {
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), field)).as("rien d'enregistré").isNull();
    }
  }

  private long onboardingInstances() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(Onboarding.PROCESS_KEY).count();
  }

  private Job reminderTimer(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(Tasks.QUESTIONNAIRE_REMINDER_TIMER).timers().singleResult();
  }

  /**
   * The repeat of a timer cycle is computed from the engine's clock, so the clock is moved past the
   * due date and the running job executor fires the timer, as it would in production.
   */
  private static void moveClockPast(Date dueDate) {
    ClockUtil.setCurrentTime(new Date(dueDate.getTime() + 60_000));
  }

  private MimeMessage onlyMail() {
    List<MimeMessage> mails = Mails.to(greenMail.getReceivedMessages(), teacherEmail);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private List<MimeMessage> mailsWithSubject(String part) {
    return Mails.to(greenMail.getReceivedMessages(), teacherEmail).stream().filter(m -> Mails.subject(m).contains(part)).toList();
  }

  private void assertEnrolledOnceAndMailed(ProcessInstance instance) {
    String number = (String) runtimeService.getVariable(instance.getId(), Vars.LMS_ENROLMENT_NUMBER);
    assertThat(number).isEqualTo("LMS-" + instance.getBusinessKey());
    LocalDate sessionDate = LocalDate.parse((String) runtimeService.getVariable(instance.getId(), Vars.LMS_SESSION_DATE));
    assertThat(ChronoUnit.DAYS.between(LocalDate.now(), sessionDate)).isBetween(7L, 13L);
    assertThat(enrolmentRows(instance)).isEqualTo(1);

    List<MimeMessage> mails = mailsWithSubject("formation au LMS");
    assertThat(mails).hasSize(1);
    assertThat(Mails.subject(mails.get(0))).contains("Concevoir des activités en ligne");
    assertThat(Mails.text(mails.get(0))).contains("Thomas Martin", number, "9 h à 12 h", "Inès Lefèvre",
        instance.getBusinessKey());
  }

  private int enrolmentRows(ProcessInstance instance) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM onboarding_lms_enrolment WHERE enrolment_key = ?", Integer.class,
        instance.getId());
  }

  private HistoricVariableInstance historicVariable(ProcessInstance instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
  }
}
