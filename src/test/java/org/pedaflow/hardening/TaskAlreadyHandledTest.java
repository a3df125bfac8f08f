package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pedaflow.identity.Groups;
import org.pedaflow.onboarding.Onboarding;
import org.pedaflow.onboarding.Onboarding.Tasks;
import org.pedaflow.onboarding.Onboarding.Vars;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.pedaflow.test.WebappSession;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What a person is told when the task they act on was handled a moment before: claimed or finished
 * by a colleague (two instructional designers on « Tâches de mes groupes »), finished by themselves
 * (a double click, a second tab), or suspended by an administrator. Each time a French answer that
 * says so (409 or 404, not « Erreur interne du serveur »), nothing changed, and one INFO line in the
 * log instead of a WARN with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class TaskAlreadyHandledTest extends PedaflowIntegrationTest {

  private static final String COLLEAGUE = "julien-claim";
  private static final String PASSWORD = "Cheval-Correct-2026!";

  @BeforeEach
  void aSecondDesigner() {
    testAccount(COLLEAGUE, "Julien", "Moreau", PASSWORD, Groups.INSTRUCTIONAL_DESIGNERS);
  }

  @AfterEach
  void removeTheSecondDesigner() {
    identityService.deleteUser(COLLEAGUE);
  }

  @Test
  void theSecondDesignerToClaimIsToldAColleagueWasFirst(CapturedOutput output) {
    Api ines = rest("ines");
    Api julien = new Api(baseUrl() + "/engine-rest", COLLEAGUE, PASSWORD);
    String instanceId = startOnboarding();
    String taskId = taskId(instanceId, Tasks.ASSIGN_MENTOR);
    assertThat(julien.get("/task?candidateGroups=" + Groups.INSTRUCTIONAL_DESIGNERS + "&processInstanceId=" + instanceId)
        .json()).as("julien sees the task offered to his group").hasSize(1);

    assertThat(ines.post("/task/" + taskId + "/claim", Map.of("userId", "ines")).status()).isEqualTo(204);

    // julien clicks « Prendre en charge » in Tasklist a moment later, then tries the REST API
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("tasklist", COLLEAGUE, PASSWORD).status()).isEqualTo(200);
    Api.Response inTasklist = tasklist.postJson("/camunda/api/engine/engine/default/task/" + taskId + "/claim",
        "{\"userId\":\"" + COLLEAGUE + "\"}", true);
    Api.Response overRest = julien.post("/task/" + taskId + "/claim", Map.of("userId", COLLEAGUE));

    for (Api.Response late : new Api.Response[] {inTasklist, overRest}) {
      assertThat(late.status()).as(late.body()).isEqualTo(409);
      assertThat(late.json().get("type").asText()).isEqualTo("TaskAlreadyClaimedException");
      assertThat(late.json().get("message").asText())
          .isEqualTo("Tâche déjà prise en charge : quelqu'un d'autre l'a prise avant vous, et rien n'a changé. "
              + "Actualisez la liste des tâches.");
      BadInputTest.assertNoInternals(late.body());
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("ines");
    assertThat(output.getOut().lines().filter(line -> line.contains("/task/" + taskId + "/claim")))
        .as("one INFO line per late claim, no WARN").hasSize(2).allMatch(line -> line.contains(" INFO ") && line.contains("Conflit sur POST"));
    assertThat(output.getOut()).doesNotContain("ENGINE-REST-HTTP500 org.camunda.bpm.engine.TaskAlreadyClaimedException");

    // once ines hands it back, julien takes it
    assertThat(ines.post("/task/" + taskId + "/unclaim", "").status()).isEqualTo(204);
    assertThat(julien.post("/task/" + taskId + "/claim", Map.of("userId", COLLEAGUE)).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(COLLEAGUE);
    runtimeService.deleteProcessInstance(instanceId, "test terminé");
  }

  @Test
  void aTaskFinishedOrSuspendedAMomentBeforeIsSaidSo(CapturedOutput output) {
    Api ines = rest("ines");
    Api thomas = rest("thomas");
    Api julien = new Api(baseUrl() + "/engine-rest", COLLEAGUE, PASSWORD);
    String instanceId = startOnboarding();
    String mentorTask = taskId(instanceId, Tasks.ASSIGN_MENTOR);
    String questionnaire = taskId(instanceId, Tasks.COMPLETE_NEEDS_QUESTIONNAIRE);
    Map<String, Object> mentor = restVariables(Map.of(Vars.MENTOR_ID, "ines"));

    assertThat(ines.post("/task/" + mentorTask + "/claim", Map.of("userId", "ines")).status()).isEqualTo(204);
    assertThat(ines.post("/task/" + mentorTask + "/submit-form", mentor).status()).isEqualTo(204);

    // ines clicks « Terminer » a second time in Tasklist; julien, whose list is not yet refreshed, acts on it
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("tasklist", "ines").status()).isEqualTo(200);
    List<Api.Response> late = new ArrayList<>();
    late.add(tasklist.postJson("/camunda/api/engine/engine/default/task/" + mentorTask + "/submit-form",
        "{\"variables\":{\"mentorId\":{\"value\":\"ines\"}}}", true));
    late.add(julien.post("/task/" + mentorTask + "/submit-form", mentor));
    late.add(julien.post("/task/" + mentorTask + "/complete", mentor));
    late.add(julien.post("/task/" + mentorTask + "/claim", Map.of("userId", COLLEAGUE)));
    late.add(julien.post("/task/" + mentorTask + "/unclaim", ""));
    late.add(julien.post("/task/" + mentorTask + "/delegate", Map.of("userId", "ines")));
    late.add(julien.post("/task/" + mentorTask + "/resolve", mentor));
    late.add(julien.get("/task/" + mentorTask + "/form-variables"));
    for (Api.Response answer : late) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
      assertThat(answer.json().get("message").asText()).isEqualTo("Tâche introuvable : elle n'existe plus (déjà terminée, "
          + "par vous ou par quelqu'un d'autre), ou vous n'avez pas le droit de la voir ; rien n'a été enregistré. "
          + "Actualisez la liste des tâches.");
      BadInputTest.assertNoInternals(answer.body());
    }
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).variableName(Vars.MENTOR_ID)
        .singleResult().getValue()).isEqualTo("ines");

    // an administrator suspends the onboarding while thomas fills in his questionnaire
    Api admin = rest("admin");
    assertThat(admin.put("/process-instance/" + instanceId + "/suspended", Map.of("suspended", true)).status()).isEqualTo(204);
    Map<String, Object> answers = restVariables(Map.of(Vars.LMS_EXPERIENCE, "basic", Vars.INTERESTS, "hybrid",
        Vars.WANTS_LABEL_SUPPORT, false));
    Api.Response suspended = thomas.post("/task/" + questionnaire + "/submit-form", answers);
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(409);
    assertThat(suspended.json().get("message").asText()).startsWith("Demande suspendue : un administrateur l'a mise en pause");
    assertThat(taskService.createTaskQuery().taskId(questionnaire).count()).as("the questionnaire still open").isOne();
    assertThat(admin.put("/process-instance/" + instanceId + "/suspended", Map.of("suspended", false)).status()).isEqualTo(204);
    assertThat(thomas.post("/task/" + questionnaire + "/submit-form", answers).status()).isEqualTo(204);

    List<String> lines = output.getOut().lines().filter(line -> line.contains(mentorTask) || line.contains(questionnaire)).toList();
    assertThat(lines).filteredOn(line -> line.contains(" WARN ") || line.contains(" ERROR ")).isEmpty();
    assertThat(lines).filteredOn(line -> line.contains(" INFO ") && line.contains("Tâche " + mentorTask + " introuvable")).hasSize(late.size());
    assertThat(lines).filteredOn(line -> line.contains(" INFO ") && line.contains("Tâche " + questionnaire + " suspendue")).hasSize(1);
    runtimeService.deleteProcessInstance(instanceId, "test terminé");
  }

  @Test
  void cockpitsRetryOfAJobAlreadyGoneAndAStartOfASuspendedProcessAreSaidSo(CapturedOutput output) {
    String instanceId = startOnboarding();
    String reminder = managementService.createJobQuery().processInstanceId(instanceId).timers().singleResult().getId();
    runtimeService.deleteProcessInstance(instanceId, "test : le job disparaît");
    WebappSession cockpit = new WebappSession(baseUrl());
    assertThat(cockpit.login("cockpit", "admin").status()).isEqualTo(200);

    Api.Response retry = cockpit.putJson("/camunda/api/engine/engine/default/job/" + reminder + "/retries", "{\"retries\":1}");
    assertThat(retry.status()).as(retry.body()).isEqualTo(404);
    assertThat(retry.json().get("message").asText()).startsWith("Introuvable : ce job n'existe plus");
    BadInputTest.assertNoInternals(retry.body());

    Api admin = rest("admin");
    String start = "/process-definition/key/" + Onboarding.PROCESS_KEY + "/start";
    assertThat(admin.put("/process-definition/key/" + Onboarding.PROCESS_KEY + "/suspended", Map.of("suspended", true)).status())
        .isEqualTo(204);
    try {
      Api.Response suspended = rest("nadia").post(start, restVariables(onboardingStart()));
      assertThat(suspended.status()).as(suspended.body()).isEqualTo(409);
      assertThat(suspended.json().get("message").asText()).startsWith("Démarrage impossible : un administrateur a suspendu ce processus");
      BadInputTest.assertNoInternals(suspended.body());
    } finally {
      assertThat(admin.put("/process-definition/key/" + Onboarding.PROCESS_KEY + "/suspended", Map.of("suspended", false)).status())
          .isEqualTo(204);
    }
    assertThat(rest("nadia").post(start, restVariables(onboardingStart())).status()).as("started once resumed").isEqualTo(200);

    List<String> lines = output.getOut().lines().filter(line -> line.contains(reminder) || line.contains(" Processus ")
        || line.contains("is suspended") || line.contains("ENGINE-REST-HTTP500")).toList();
    assertThat(lines).filteredOn(line -> line.contains(" WARN ") || line.contains(" ERROR ")).isEmpty();
    assertThat(lines).filteredOn(line -> line.contains(" INFO ") && line.contains("Job " + reminder + " introuvable")).hasSize(1);
    assertThat(lines).filteredOn(line -> line.contains(" INFO ") && line.contains("Processus " + Onboarding.PROCESS_KEY + " suspendu")).hasSize(1);
  }

  private String startOnboarding() {
    String instanceId = rest("nadia").post("/process-definition/key/" + Onboarding.PROCESS_KEY + "/start",
        restVariables(onboardingStart())).json().get("id").asText();
    awaitJobs(instanceId);
    return instanceId;
  }

  private static Map<String, Object> onboardingStart() {
    return Map.of(Vars.TEACHER_ID, "thomas", Vars.TEACHER_NAME, "Thomas Martin", Vars.TEACHER_EMAIL, "thomas@univ.example",
        Vars.DEPARTMENT, "UFR Lettres et langues", Vars.STATUS, "titulaire",
        Vars.START_DATE, LocalDate.now().plusDays(3).toString(), Vars.NEEDS_LMS_TRAINING, false);
  }

  private String taskId(String instanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult().getId();
  }
}
