package org.pedaflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * The one validation mechanism, proven on the four ways in (start, submit-form to start, complete,
 * submit-form to complete): 400 with a French message naming the field, nothing persisted, the task
 * still open; 403 for a forbidden action; numbers normalised to the SPEC type.
 */
class RulesMechanismTest extends PedaflowIntegrationTest {

  private static final String START = "/process-definition/key/" + FixtureRules.KEY + "/start";
  private static final String SUBMIT_START = "/process-definition/key/" + FixtureRules.KEY + "/submit-form";

  @BeforeEach
  void deployFixture() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(FixtureRules.KEY).count() == 0) {
      repositoryService.createDeployment().name("rules-fixture")
          .addClasspathResource("fixtures/rules-fixture.bpmn").deploy();
    }
  }

  @Test
  void startWithMissingFieldIsRefusedWith400AndNothingPersisted() {
    long before = instanceCount();
    for (String path : new String[] {START, SUBMIT_START}) {
      Api.Response response = rest("admin").post(path, restVariables(Map.of("quantity", 3)));

      assertThat(response.status()).as(path).isEqualTo(400);
      JsonNode body = response.json();
      assertThat(body.get("type").asText()).isEqualTo("InvalidInput");
      assertThat(body.get("field").asText()).isEqualTo("title");
      assertThat(body.get("message").asText()).isEqualTo("« Intitulé » (title) : ce champ est obligatoire.");
    }
    assertThat(instanceCount()).isEqualTo(before);
  }

  @Test
  void startWithOutOfRangeNumberIsRefused() {
    Api.Response response = rest("admin").post(START, restVariables(Map.of("title", "Tables", "quantity", 0)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText())
        .isEqualTo("« Quantité » (quantity) : la valeur doit être comprise entre 1 et 99.");
  }

  @Test
  void validStartGetsABusinessKeyAndIntegerVariables() {
    Api.Response response = rest("admin").post(SUBMIT_START,
        Map.of("variables", Map.of("title", Map.of("value", "Tables"), "quantity", Map.of("value", 4, "type", "Long"))));

    assertThat(response.status()).isEqualTo(200);
    String id = response.json().get("id").asText();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
    assertThat(instance.getBusinessKey()).matches("ACH-\\d{4}-\\d{4}");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getBusinessKey())
        .isEqualTo(instance.getBusinessKey());
    assertThat(runtimeService.getVariable(id, "quantity")).isEqualTo(4);
  }

  @Test
  void completionWithBadInputIsRefusedOnBothWaysAndTheTaskStaysOpen() {
    Task task = startAndGetTask();
    for (String way : new String[] {"/complete", "/submit-form"}) {
      Api.Response response = rest("admin").post("/task/" + task.getId() + way, restVariables(Map.of("score", 7)));

      assertThat(response.status()).as(way).isEqualTo(400);
      assertThat(response.json().get("field").asText()).isEqualTo("score");
      assertThat(response.json().get("message").asText()).contains("« Note » (score)");
    }
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "score")).isNull();
  }

  @Test
  void tasklistsWayInIsRefusedWithTheSameReadableMessage() {
    Task task = startAndGetTask();
    org.pedaflow.test.WebappSession tasklist = new org.pedaflow.test.WebappSession(baseUrl());
    tasklist.login("tasklist", "admin");

    Api.Response response = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"score\":{\"value\":9,\"type\":\"Long\"}}}", true);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText())
        .isEqualTo("« Note » (score) : la valeur doit être comprise entre 0 et 3.");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  @Test
  void completionWithALongIsStoredAsInteger() {
    Task task = startAndGetTask();

    Api.Response response = rest("admin").post("/task/" + task.getId() + "/complete",
        Map.of("variables", Map.of("score", Map.of("value", 2, "type", "Long"))));

    assertThat(response.status()).isEqualTo(204);
    HistoricVariableInstance score = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).variableName("score").singleResult();
    assertThat(score.getTypeName()).isEqualTo("integer");
    assertThat(score.getValue()).isEqualTo(2);
  }

  @Test
  void forbiddenCompletionIsRefusedWith403() {
    identityService.saveUser(userIfMissing("requester"));
    if (identityService.createUserQuery().userId("requester").memberOfGroup("camunda-admin").count() == 0) {
      identityService.createMembership("requester", "camunda-admin");
    }
    Task task = startAndGetTask();

    Api.Response response = new Api(baseUrl() + "/engine-rest", "requester", "Demandeur-Secret-2026!")
        .post("/task/" + task.getId() + "/complete", restVariables(Map.of("score", 2)));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("message").asText()).isEqualTo("Vous ne pouvez pas noter votre propre demande.");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  private org.camunda.bpm.engine.identity.User userIfMissing(String id) {
    org.camunda.bpm.engine.identity.User user = identityService.createUserQuery().userId(id).singleResult();
    if (user == null) {
      user = identityService.newUser(id);
      user.setPassword("Demandeur-Secret-2026!");
    }
    return user;
  }

  private Task startAndGetTask() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(FixtureRules.KEY,
        Map.of("title", "Tables", "quantity", 2));
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private long instanceCount() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(FixtureRules.KEY).count();
  }
}
