package org.pedaflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.pedaflow.onboarding.Onboarding.Tasks;
import org.pedaflow.onboarding.Onboarding.Vars;
import org.pedaflow.test.Api;
import org.pedaflow.test.Mails;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * The whole onboarding over the REST API, as the demo users would do it in Tasklist: nadia (HR)
 * starts it, ines (instructional designer) assigns herself as mentor and holds the meeting, thomas
 * (teacher) answers the questionnaire and rates the onboarding. Claire, another teacher, sees
 * nothing of it. GreenMail receives the welcome and LMS training mails.
 */
class TeacherOnboardingOverRestTest extends PedaflowIntegrationTest {

  private static final String START = "/process-definition/key/" + Onboarding.PROCESS_KEY + "/submit-form";

  @Test
  void nadiaInesAndThomasTakeTheOnboardingToItsEndWhileClaireSeesNothing() {
    Api nadia = rest("nadia");
    Api ines = rest("ines");
    Api thomas = rest("thomas");
    Api claire = rest("claire");

    // HR starts the onboarding; a teacher may not (403, as every forbidden start), and bad input is refused with a French message
    assertThat(claire.post(START, restVariables(startVariables())).status()).isEqualTo(403);
    Map<String, Object> unknownTeacher = new LinkedHashMap<>(startVariables());
    unknownTeacher.put(Vars.TEACHER_ID, "jdupont");
    Api.Response refused = nadia.post(START, restVariables(unknownTeacher));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("type").asText()).isEqualTo("InvalidInput");
    assertThat(refused.json().get("field").asText()).isEqualTo(Vars.TEACHER_ID);
    assertThat(refused.json().get("message").asText()).contains("aucun compte « jdupont »");

    Api.Response started = nadia.post(START, restVariables(startVariables()));
    assertThat(started.status()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();
    String businessKey = started.json().get("businessKey").asText();
    assertThat(businessKey).matches("ONB-\\d{4}-\\d{4}");
    awaitJobs(instanceId);

    MimeMessage welcome = single(Mails.to(greenMail.getReceivedMessages(), "thomas@univ.example"), "Bienvenue");
    assertThat(Mails.text(welcome)).contains("Thomas Martin", "http://pedaflow.test/camunda/app/tasklist/", businessKey);

    // who sees which task
    assertThat(taskKeys(thomas, instanceId)).containsExactly(Tasks.COMPLETE_NEEDS_QUESTIONNAIRE);
    assertThat(taskKeys(ines, instanceId)).containsExactly(Tasks.ASSIGN_MENTOR);
    assertThat(taskKeys(claire, instanceId)).isEmpty();
    assertThat(taskKeys(nadia, instanceId)).isEmpty();
    assertThat(claire.get("/process-instance?businessKey=" + businessKey).json()).isEmpty();
    assertThat(ines.get("/process-instance?businessKey=" + businessKey).json()).hasSize(1);
    assertThat(rest("admin").get("/process-instance?businessKey=" + businessKey).json()).hasSize(1);

    // claire can neither read nor complete thomas's questionnaire
    String questionnaireId = taskId(thomas, instanceId, Tasks.COMPLETE_NEEDS_QUESTIONNAIRE);
    assertThat(claire.get("/task/" + questionnaireId + "/form-variables").status()).isEqualTo(403);
    assertThat(claire.post("/task/" + questionnaireId + "/submit-form", restVariables(questionnaire())).status())
        .isEqualTo(403);
    assertThat(taskKeys(thomas, instanceId)).containsExactly(Tasks.COMPLETE_NEEDS_QUESTIONNAIRE);

    // ines takes the mentor task; a teacher as mentor is refused
    String assignMentorId = taskId(ines, instanceId, Tasks.ASSIGN_MENTOR);
    assertThat(ines.post("/task/" + assignMentorId + "/claim", Map.of("userId", "ines")).status()).isEqualTo(204);
    Api.Response teacherAsMentor = ines.post("/task/" + assignMentorId + "/submit-form",
        restVariables(Map.of(Vars.MENTOR_ID, "thomas")));
    assertThat(teacherAsMentor.status()).isEqualTo(400);
    assertThat(teacherAsMentor.json().get("field").asText()).isEqualTo(Vars.MENTOR_ID);
    assertThat(ines.post("/task/" + assignMentorId + "/submit-form", restVariables(Map.of(Vars.MENTOR_ID, "ines")))
        .status()).isEqualTo(204);

    // thomas answers the questionnaire as Tasklist sends it (the checklist as a JSON text)
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put(Vars.LMS_EXPERIENCE, Map.of("value", "none"));
    answers.put(Vars.INTERESTS, Map.of("value", "[\"hybrid\",\"assessment\"]", "type", "String"));
    answers.put(Vars.WANTS_LABEL_SUPPORT, Map.of("value", true));
    Api.Response answered = thomas.post("/task/" + questionnaireId + "/submit-form", Map.of("variables", answers));
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instanceId, Vars.INTERESTS)).isEqualTo("hybrid,assessment");

    // the meeting is ines's alone
    assertThat(taskKeys(ines, instanceId)).containsExactly(Tasks.HOLD_WELCOME_MEETING);
    assertThat(taskKeys(thomas, instanceId)).isEmpty();
    assertThat(taskKeys(claire, instanceId)).isEmpty();
    String meetingId = taskId(ines, instanceId, Tasks.HOLD_WELCOME_MEETING);
    JsonNode context = ines.get("/task/" + meetingId + "/form-variables").json();
    assertThat(context.get(Vars.INTERESTS).get("value").asText()).isEqualTo("hybrid,assessment");
    Map<String, Object> meeting = Map.of(Vars.MEETING_DATE, LocalDate.now().toString(),
        Vars.TRAINING_PLAN, "Formation au LMS, puis atelier évaluation en février.", Vars.ENROL_IN_LMS_TRAINING, true);
    assertThat(ines.post("/task/" + meetingId + "/submit-form", restVariables(meeting)).status()).isEqualTo(204);
    awaitJobs(instanceId);

    MimeMessage training = single(Mails.to(greenMail.getReceivedMessages(), "thomas@univ.example"), "formation au LMS");
    assertThat(Mails.text(training)).contains("Prise en main de la plateforme pédagogique", "LMS-" + businessKey,
        "Inès Lefèvre");

    // thomas rates the onboarding; out-of-range first, then a number as Tasklist sends it
    assertThat(taskKeys(thomas, instanceId)).containsExactly(Tasks.RATE_ONBOARDING);
    assertThat(taskKeys(claire, instanceId)).isEmpty();
    String rateId = taskId(thomas, instanceId, Tasks.RATE_ONBOARDING);
    Api.Response tooHigh = thomas.post("/task/" + rateId + "/submit-form", restVariables(Map.of(Vars.SATISFACTION, 9)));
    assertThat(tooHigh.status()).isEqualTo(400);
    assertThat(tooHigh.json().get("message").asText()).contains("(satisfaction)", "entre 1 et 5");
    assertThat(thomas.post("/task/" + rateId + "/submit-form",
        restVariables(Map.of(Vars.SATISFACTION, 5, Vars.SATISFACTION_COMMENT, "Merci !"))).status()).isEqualTo(204);

    HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult();
    assertThat(finished.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(finished.getEndActivityId()).isEqualTo(Tasks.TEACHER_WELCOMED);
    assertThat(finished.getBusinessKey()).isEqualTo(businessKey);
  }

  private static Map<String, Object> startVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Vars.TEACHER_ID, "thomas");
    variables.put(Vars.TEACHER_NAME, "Thomas Martin");
    variables.put(Vars.TEACHER_EMAIL, "thomas@univ.example");
    variables.put(Vars.DEPARTMENT, "UFR Lettres et langues");
    variables.put(Vars.STATUS, "titulaire");
    variables.put(Vars.START_DATE, LocalDate.now().plusDays(3).toString());
    variables.put(Vars.NEEDS_LMS_TRAINING, false);
    return variables;
  }

  private static Map<String, Object> questionnaire() {
    return Map.of(Vars.LMS_EXPERIENCE, "basic", Vars.INTERESTS, "hybrid", Vars.WANTS_LABEL_SUPPORT, false);
  }

  /** The task keys of one instance that a user sees in Tasklist (the REST task list, authorized). */
  private static List<String> taskKeys(Api user, String instanceId) {
    Api.Response response = user.get("/task?processInstanceId=" + instanceId);
    assertThat(response.status()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    response.json().forEach(task -> keys.add(task.get("taskDefinitionKey").asText()));
    return keys;
  }

  private static String taskId(Api user, String instanceId, String taskKey) {
    JsonNode tasks = user.get("/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey).json();
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static MimeMessage single(List<MimeMessage> mails, String subjectPart) {
    List<MimeMessage> matching = mails.stream().filter(m -> Mails.subject(m).contains(subjectPart)).toList();
    assertThat(matching).as("courriels « %s »", subjectPart).hasSize(1);
    return matching.get(0);
  }
}
