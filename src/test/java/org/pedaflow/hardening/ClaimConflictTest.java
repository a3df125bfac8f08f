package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
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
 * Two instructional designers take the same task from « Tâches de mes groupes »: the second is told
 * in French that a colleague was first (409, not « Erreur interne du serveur »), the task stays with
 * the first, and the log holds one INFO line instead of a WARN with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ClaimConflictTest extends PedaflowIntegrationTest {

  private static final String COLLEAGUE = "julien-claim";
  private static final String PASSWORD = "correct-horse-battery";

  @BeforeEach
  void aSecondDesigner() {
    if (identityService.createUserQuery().userId(COLLEAGUE).count() == 0) {
      User user = identityService.newUser(COLLEAGUE);
      user.setFirstName("Julien");
      user.setLastName("Moreau");
      user.setEmail(COLLEAGUE + "@univ.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(COLLEAGUE, Groups.INSTRUCTIONAL_DESIGNERS);
    }
  }

  @AfterEach
  void removeTheSecondDesigner() {
    identityService.deleteUser(COLLEAGUE);
  }

  @Test
  void theSecondDesignerToClaimIsToldAColleagueWasFirst(CapturedOutput output) {
    Api ines = rest("ines");
    Api julien = new Api(baseUrl() + "/engine-rest", COLLEAGUE, PASSWORD);
    String instanceId = rest("nadia").post("/process-definition/key/" + Onboarding.PROCESS_KEY + "/start", restVariables(Map.of(
        Vars.TEACHER_ID, "thomas", Vars.TEACHER_NAME, "Thomas Martin", Vars.TEACHER_EMAIL, "thomas@univ.example",
        Vars.DEPARTMENT, "UFR Lettres et langues", Vars.STATUS, "titulaire",
        Vars.START_DATE, LocalDate.now().plusDays(3).toString(), Vars.NEEDS_LMS_TRAINING, false))).json().get("id").asText();
    awaitJobs(instanceId);
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(Tasks.ASSIGN_MENTOR)
        .singleResult().getId();
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
}
