package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.pedaflow.rules.ForbiddenActionException;
import org.pedaflow.rules.InvalidInputException;
import org.pedaflow.labelling.LabellingTestSupport;
import org.pedaflow.purchase.PurchaseTestSupport;
import org.pedaflow.rules.ProcessRules;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A start or a completion carries only the variables of its step, and nothing else writes them for
 * the people who work on the tasks: otherwise whoever works on a task could rewrite who requested
 * (four eyes), the approval level (finance skipped), the mentor or the revision count, and whoever
 * may start a process could start it at any step (an order with no approval). Over HTTP as the demo
 * users, and on the Java API.
 */
class SubmittedVariablesTest extends PedaflowIntegrationTest {

  private static final String PURCHASE = "learning-lab-purchase";
  private static final String START_PURCHASE = "/process-definition/key/" + PURCHASE + "/start";

  @Autowired private List<ProcessRules> rules;

  @Test
  void aDecisionCannotRewriteWhoRequestedNorTheApprovalLevel() {
    String purchase = startPurchase("lea", 30, 1000.0); // 30 000 €: finance must approve
    complete("ines", task(purchase, "GivePedagogicalOpinion"), Map.of("opinionFavourable", true));
    Task labManager = task(purchase, "ApproveAsLabManager");

    Api.Response ownRequest = rest("lea").post("/task/" + labManager.getId() + "/complete",
        restVariables(Map.of("labManagerApproved", true, "requesterId", "paul")));
    assertRefused(ownRequest, "requesterId", "« requesterId » : cette donnée n'est pas attendue pour la tâche "
        + "« Valider l'achat pour le learning lab » (données attendues : labManagerApproved, labManagerComments).");

    Api.Response skipFinance = rest("paul").post("/task/" + labManager.getId() + "/submit-form",
        restVariables(Map.of("labManagerApproved", true, "approvalLevel", "LAB", "totalAmountEur", 10.0)));
    assertRefused(skipFinance, "approvalLevel", "« approvalLevel », « totalAmountEur » : ces données ne sont pas attendues");

    assertThat(runtimeService.getVariable(purchase, "requesterId")).isEqualTo("lea");
    assertThat(runtimeService.getVariable(purchase, "approvalLevel")).isEqualTo("FINANCE");
    assertThat(runtimeService.getVariable(purchase, "totalAmountEur")).isEqualTo(30000.0);
    assertThat(runtimeService.getVariable(purchase, "labManagerApproved")).isNull();
    assertThat(taskService.createTaskQuery().taskId(labManager.getId()).count()).isEqualTo(1);

    // the rules still apply: lea may not decide on her own request, paul may, and finance follows
    assertThat(rest("lea").post("/task/" + labManager.getId() + "/complete",
        restVariables(Map.of("labManagerApproved", true))).status()).isEqualTo(403);
    complete("paul", labManager, Map.of("labManagerApproved", true));
    assertThat(task(purchase, "ApproveBudget")).isNotNull();
  }

  @Test
  void theOtherWaysOfSendingVariablesWithATaskAreCheckedToo() {
    String purchase = startPurchase("lea", 30, 1000.0);
    complete("ines", task(purchase, "GivePedagogicalOpinion"), Map.of("opinionFavourable", true));
    Task labManager = task(purchase, "ApproveAsLabManager");
    String path = "/task/" + labManager.getId();
    String where = "la tâche « Valider l'achat pour le learning lab »";

    // a resolve writes the variables without completing the task (no complete listener)
    assertRefused(rest("lea").post(path + "/resolve", restVariables(Map.of("requesterId", "paul", "approvalLevel", "LAB"))),
        "approvalLevel", where);
    // and its body is checked like a completion's (a text longer than the database column)
    Api.Response tooLong = rest("lea").post(path + "/resolve", restVariables(Map.of("labManagerComments", "x".repeat(4001))));
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.json().get("message").asText()).startsWith("Requête invalide").contains("labManagerComments");
    // a delegated task is resolved, not completed, by its form
    assertThat(rest("lea").post(path + "/delegate", Map.of("userId", "paul")).status()).isEqualTo(204);
    assertRefused(rest("paul").post(path + "/submit-form",
        restVariables(Map.of("labManagerApproved", true, "approvalLevel", "LAB"))), "approvalLevel", where);
    // a BPMN error or escalation from the task carries variables and, with nothing to catch it, ends the step
    Api.Response error = rest("paul").post(path + "/bpmnError",
        Map.of("errorCode", "abandon", "variables", Map.of("approvalLevel", Map.of("value", "LAB"))));
    Api.Response escalation = rest("paul").post(path + "/bpmnEscalation", Map.of("escalationCode", "abandon"));
    for (Api.Response refused : List.of(error, escalation)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).startsWith("Une tâche se termine avec son formulaire");
    }

    assertThat(runtimeService.getVariable(purchase, "requesterId")).isEqualTo("lea");
    assertThat(runtimeService.getVariable(purchase, "approvalLevel")).isEqualTo("FINANCE");
    assertThat(taskService.createTaskQuery().taskId(labManager.getId()).singleResult().getAssignee()).isEqualTo("paul");
  }

  @Test
  void thePeopleOfATaskCannotWriteItsVariablesOutsideItsCompletion() {
    String purchase = startPurchase("claire", 3, 500.0);
    Task opinion = task(purchase, "GivePedagogicalOpinion");
    Api ines = rest("ines"); // a candidate of the task: the engine lets her update it
    String task = "/task/" + opinion.getId();

    List<Api.Response> attempts = List.of(
        ines.put(task + "/variables/requesterId", Map.of("value", "paul")),
        ines.put(task + "/localVariables/requesterId", Map.of("value", "paul")),
        ines.post(task + "/variables", Map.of("modifications", Map.of("approvalLevel", Map.of("value", "LAB")))),
        ines.post(task + "/localVariables", Map.of("modifications", Map.of("opinionFavourable", Map.of("value", true)))),
        ines.delete(task + "/variables/approvalLevel"));
    for (Api.Response attempt : attempts) {
      assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
      assertThat(attempt.json().get("type").asText()).isEqualTo("ForbiddenAction");
      assertThat(attempt.json().get("message").asText()).startsWith("Les données d'une tâche se transmettent en la terminant");
    }
    assertThat(runtimeService.getVariable(purchase, "requesterId")).isEqualTo("claire");
    assertThat(runtimeService.getVariable(purchase, "approvalLevel")).isEqualTo("FINANCE");
    assertThat(taskService.getVariablesLocal(opinion.getId()).keySet()).doesNotContain("requesterId", "opinionFavourable");

    identityService.setAuthentication("ines", List.of("instructional-designers"));
    try {
      assertThatThrownBy(() -> taskService.setVariable(opinion.getId(), "approvalLevel", "LAB"))
          .isInstanceOf(ForbiddenActionException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(runtimeService.getVariable(purchase, "approvalLevel")).isEqualTo("FINANCE");

    // the administrators still may (a repair), and so may the application's own code
    assertThat(rest("admin").put(task + "/localVariables/note", Map.of("value", "corrigé")).status()).isEqualTo(204);
    taskService.setVariableLocal(opinion.getId(), "note2", "corrigé");
    assertThat(taskService.getVariablesLocal(opinion.getId())).containsEntry("note", "corrigé").containsEntry("note2", "corrigé");
  }

  @Test
  void aStartBeginsAtTheStartEvent() {
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(PURCHASE).count();
    Integer orders = jdbc.queryForObject("SELECT COUNT(*) FROM purchase_order", Integer.class);
    Map<String, Object> atTheOrder = new LinkedHashMap<>(restVariables(PurchaseTestSupport.request(1, 300.0)));
    atTheOrder.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "PlacePurchaseOrder")));
    Map<String, Object> withoutListeners = new LinkedHashMap<>(atTheOrder);
    withoutListeners.put("skipCustomListeners", true);
    withoutListeners.put("skipIoMappings", true);

    for (Map<String, Object> body : List.of(atTheOrder, withoutListeners)) {
      Api.Response refused = rest("claire").post(START_PURCHASE, body);
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.json().get("type").asText()).isEqualTo("ForbiddenAction");
      assertThat(refused.json().get("message").asText()).startsWith("Une demande commence au début de son processus");
    }
    identityService.setAuthentication("lea", List.of("lab-managers"));
    try {
      assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(PURCHASE)
          .setVariables(PurchaseTestSupport.request(1, 300.0)).startBeforeActivity("PlacePurchaseOrder").execute(true, true))
          .isInstanceOf(ForbiddenActionException.class);
    } finally {
      identityService.clearAuthentication();
    }
    awaitJobs();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PURCHASE).count()).isEqualTo(instances);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_order", Integer.class)).isEqualTo(orders);

    // an administrator may, for a repair, but not without the process's rules and business key
    Map<String, Object> incomplete = new HashMap<>(PurchaseTestSupport.request(1, 300.0));
    incomplete.remove("budgetLine");
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(PURCHASE).setVariables(incomplete)
          .startBeforeActivity("ApproveAsLabManager").execute(true, true))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("(budgetLine)");
      ProcessInstance repaired = runtimeService.createProcessInstanceByKey(PURCHASE).setVariables(PurchaseTestSupport.request(1, 300.0))
          .startBeforeActivity("ApproveAsLabManager").execute(true, true);
      assertThat(repaired.getBusinessKey()).matches("ACH-\\d{4}-\\d{4}");
      assertThat(runtimeService.getVariable(repaired.getId(), "requesterId")).isEqualTo("admin");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void aStartCarriesOnlyTheVariablesOfItsForm() {
    long instances = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> moreRevisions = LabellingTestSupport.application("HIS-104", 40);
    moreRevisions.put("revisionCount", -10);
    assertRefused(rest("claire").post("/process-definition/key/hybrid-course-labelling/start", restVariables(moreRevisions)),
        "revisionCount", "« revisionCount » : cette donnée n'est pas attendue pour le démarrage de « Labellisation d'un cours hybride »");

    Map<String, Object> levelChosen = new HashMap<>(PurchaseTestSupport.request(1, 30000.0));
    levelChosen.put("approvalLevel", "LAB");
    assertRefused(rest("claire").post(START_PURCHASE, restVariables(levelChosen)), "approvalLevel", "« approvalLevel »");
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);

    // an administrator may (a restart takes the instance's last variables), and the decision still decides
    Api.Response repair = rest("admin").post(START_PURCHASE, restVariables(levelChosen));
    assertThat(repair.status()).as(repair.body()).isEqualTo(200);
    awaitJobs(repair.json().get("id").asText());
    assertThat(runtimeService.getVariable(repair.json().get("id").asText(), "approvalLevel")).isEqualTo("FINANCE");

    // what the engine or the process sets anyway may be sent: the requester and the total are replaced
    Map<String, Object> withDerived = new HashMap<>(PurchaseTestSupport.request(2, 100.0));
    withDerived.put("requesterId", "paul");
    withDerived.put("totalAmountEur", 1.0);
    Api.Response started = rest("claire").post(START_PURCHASE, restVariables(withDerived));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().get("id").asText();
    assertThat(runtimeService.getVariable(id, "requesterId")).isEqualTo("claire");
    assertThat(runtimeService.getVariable(id, "totalAmountEur")).isEqualTo(200.0);
  }

  @Test
  void aCompletionCarriesOnlyTheVariablesOfItsTask() {
    Api.Response started = rest("nadia").post("/process-definition/key/teacher-onboarding/start", restVariables(Map.of(
        "teacherId", "thomas", "teacherName", "Thomas Martin", "teacherEmail", "thomas@univ.example",
        "department", "UFR Lettres et langues", "status", "titulaire", "startDate", LocalDate.now().toString(),
        "needsLmsTraining", false)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String onboarding = started.json().get("id").asText();
    awaitJobs(onboarding);
    complete("ines", task(onboarding, "AssignMentor"), Map.of("mentorId", "ines"));
    Task questionnaire = task(onboarding, "CompleteNeedsQuestionnaire");

    // the teacher cannot choose another mentor (the welcome meeting would go to whoever they name)
    Map<String, Object> answers = new HashMap<>(Map.of("lmsExperience", "basic", "interests", "hybrid", "wantsLabelSupport", false));
    answers.put("mentorId", "claire");
    assertRefused(rest("thomas").post("/task/" + questionnaire.getId() + "/complete", restVariables(answers)),
        "mentorId", "la tâche « Remplir le questionnaire de besoins »");
    assertThat(runtimeService.getVariable(onboarding, "mentorId")).isEqualTo("ines");
    assertThat(runtimeService.getVariable(onboarding, "lmsExperience")).isNull();

    // on the Java API too, whoever calls it
    answers.remove("mentorId");
    answers.put("teacherEmail", "someone@elsewhere.example");
    assertThatThrownBy(() -> taskService.complete(questionnaire.getId(), answers))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("« teacherEmail »");
    assertThat(runtimeService.getVariable(onboarding, "teacherEmail")).isEqualTo("thomas@univ.example");

    answers.remove("teacherEmail");
    complete("thomas", questionnaire, answers);
    assertThat(runtimeService.getVariable(onboarding, "lmsExperience")).isEqualTo("basic");
    assertThat(task(onboarding, "HoldWelcomeMeeting").getAssignee()).isEqualTo("ines");
  }

  /** The fields of each form are the variables its step may carry: a field added in Modeler is accepted, nothing else. */
  @Test
  void eachStepAcceptsExactlyTheFieldsOfItsForm() throws IOException {
    Map<String, ProcessRules> byProcess = new TreeMap<>();
    rules.forEach(r -> byProcess.put(r.processKey(), r));
    Map<String, Set<String>> starts = new TreeMap<>();
    for (String process : List.of("teacher-onboarding", "hybrid-course-labelling", "learning-lab-purchase")) {
      ProcessRules processRules = byProcess.get(process);
      BpmnModelInstance model = Bpmn.readModelFromFile(new File("processes/" + process + ".bpmn"));
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        assertThat(processRules.completionVariables().get(userTask.getId())).as(process + " " + userTask.getId())
            .isEqualTo(formFields(userTask.getCamundaFormRef()));
      }
      assertThat(processRules.completionVariables().keySet()).as(process).isEqualTo(new TreeSet<>(
          model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList()));
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          Set<String> fields = formFields(start.getCamundaFormRef());
          assertThat(processRules.startVariables()).as(process + " start").containsAll(fields);
          Set<String> beyond = new TreeSet<>(processRules.startVariables());
          beyond.removeAll(fields);
          starts.put(process, beyond);
        }
      }
    }
    // beyond the start form: only the starter (camunda:initiator) and the purchase's recomputed total
    assertThat(starts).isEqualTo(Map.of("teacher-onboarding", Set.of(), "hybrid-course-labelling", Set.of("teacherId"),
        "learning-lab-purchase", Set.of("requesterId", "totalAmountEur")));
  }

  private static Set<String> formFields(String formId) throws IOException {
    JsonNode form = new ObjectMapper().readTree(new File("forms/" + formId + ".form"));
    Set<String> keys = new TreeSet<>();
    collectKeys(form, keys);
    return keys;
  }

  private static void collectKeys(JsonNode container, Set<String> keys) {
    for (JsonNode component : container.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  private String startPurchase(String requester, int quantity, double unitPriceEur) {
    Api.Response started = rest(requester).post(START_PURCHASE, restVariables(PurchaseTestSupport.request(quantity, unitPriceEur)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().get("id").asText();
    awaitJobs(id);
    return id;
  }

  private Task task(String processInstanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    Api.Response done = rest(user).post("/task/" + task.getId() + "/complete", restVariables(variables));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private static void assertRefused(Api.Response response, String field, String message) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("type").asText()).isEqualTo("InvalidInput");
    assertThat(response.json().get("field").asText()).isEqualTo(field);
    assertThat(response.json().get("message").asText()).contains(message);
  }
}
