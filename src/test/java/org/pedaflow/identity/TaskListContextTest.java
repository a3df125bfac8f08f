package org.pedaflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * The columns of Tasklist's filters show which case a task is about to whoever works on it, even
 * without the right to read the whole instance (here a teacher on his onboarding questionnaire).
 */
class TaskListContextTest extends PedaflowIntegrationTest {

  @Test
  void theFilterListShowsTheReferenceAndTheTeacherToTheAssignee() throws Exception {
    ProcessInstance instance = startOnboardingOfThomas();

    String filterId = rest("thomas").get("/filter").json().findValues("id").stream()
        .filter(id -> processEngine.getFilterService().getFilter(id.asText()).getName().equals(TasklistFilters.MY_TASKS))
        .findFirst().orElseThrow().asText();
    // the filter narrowed to this instance, as Tasklist narrows it when one searches (other tests leave thomas tasks)
    JsonNode list = halList("thomas", filterId, instance.getId());

    assertThat(list.get("_embedded").get("task")).hasSize(1);
    JsonNode task = list.get("_embedded").get("task").get(0);
    assertThat(task.get("processInstanceId").asText()).isEqualTo(instance.getId());
    JsonNode variables = task.get("_embedded").get("variable");
    assertThat(variables.findValuesAsText("name")).contains(TaskListContext.REFERENCE, "teacherName");
    assertThat(variables.findValuesAsText("value")).contains(instance.getBusinessKey(), "Thomas Martin");
    // the copy is on the task, not a right to the instance
    assertThat(rest("thomas").get("/process-instance/" + instance.getId() + "/variables").status()).isIn(403, 404);
    assertThat(rest("thomas").post("/filter/" + filterId + "/count", java.util.Map.of("processInstanceId", instance.getId()))
        .json().get("count").asInt()).isEqualTo(1);
    assertThat(rest("claire").post("/filter/" + filterId + "/count", java.util.Map.of("processInstanceId", instance.getId()))
        .json().get("count").asInt()).as("not claire's task").isZero();
  }

  @Test
  void theCopiesLeaveNoHistoryWhileEverythingElseHasFullHistory() {
    assertThat(processEngineConfiguration().getHistoryLevel().getName()).isEqualTo("full");
    assertThat(processEngineConfiguration().getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);

    ProcessInstance instance = startOnboardingOfThomas();

    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("AssignMentor").singleResult().getId();
    assertThat(taskService.getVariablesLocal(taskId)).containsEntry(TaskListContext.REFERENCE, instance.getBusinessKey())
        .containsEntry("teacherName", "Thomas Martin");
    // history: the process variables, each with its detail, and no task-scoped copy
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(v -> v.getName() + (v.getTaskId() == null ? "" : "@task"))
        .contains("teacherName", "teacherId", "startDate")
        .doesNotContain(TaskListContext.REFERENCE + "@task", "teacherName@task");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates().list())
        .extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName())
        .contains("teacherName", "startDate").doesNotContain(TaskListContext.REFERENCE);
    // and the same task-local variable set by a person is not a copy: it keeps its history
    taskService.setVariableLocal(taskId, "note", "à rappeler");
    assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(taskId).list())
        .extracting(v -> v.getName()).containsExactly("note");
  }

  /** Nadia (HR) starts the onboarding of Thomas Martin; its asynchronous steps have run. */
  private ProcessInstance startOnboardingOfThomas() {
    identityService.setAuthentication("nadia", java.util.List.of(Groups.HR));
    Map<String, Object> start = new HashMap<>();
    start.put("teacherId", "thomas");
    start.put("teacherName", "Thomas Martin");
    start.put("teacherEmail", "thomas@univ.example");
    start.put("department", "Histoire");
    start.put("status", "contractuel");
    start.put("startDate", LocalDate.now().toString());
    start.put("needsLmsTraining", false);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(ProcessKeys.TEACHER_ONBOARDING, start);
    identityService.clearAuthentication();
    awaitJobs(instance.getId());
    return instance;
  }

  private JsonNode halList(String user, String filterId, String processInstanceId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/filter/" + filterId + "/list"))
        .header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"processInstanceId\":\"" + processInstanceId + "\"}"))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
  }
}
