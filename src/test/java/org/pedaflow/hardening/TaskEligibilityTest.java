package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pedaflow.identity.Groups;
import org.pedaflow.labelling.LabellingProcess;
import org.pedaflow.labelling.LabellingTestSupport;
import org.pedaflow.purchase.PurchaseProcess;
import org.pedaflow.purchase.PurchaseTestSupport;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.pedaflow.test.WebappSession;

/**
 * Whoever may work on a task may also update it in Camunda: claim it for someone, assign or delegate
 * it, offer it to another group, give it an owner. Over REST, as the demo users would in Tasklist,
 * none of these hands a task to someone the model does not name for it: a teacher never decides on her
 * own label, finance never approves for the lab managers, and a typo in a login does not make a task
 * vanish. Tasklist's own date change still works.
 */
class TaskEligibilityTest extends PedaflowIntegrationTest {

  @Test
  void aCommitteeMemberCannotHandTheLabelDecisionToTheTeacherWhoApplied() {
    Api claire = rest("claire");
    Api ines = rest("ines");
    Api hugo = rest("hugo");
    String instanceId = claire.post("/process-definition/key/" + LabellingProcess.PROCESS_KEY + "/start",
        restVariables(LabellingTestSupport.application("ELIG-" + System.nanoTime(), 40))).json().get("id").asText();
    awaitJobs(instanceId);
    String review = taskId(instanceId, LabellingProcess.Tasks.REVIEW_PEDAGOGICAL_DESIGN);

    // ines may not give the review of claire's course to claire, nor offer it to the teachers
    assertRefused(ines.post("/task/" + review + "/claim", Map.of("userId", "claire")), 403,
        "ne peut pas être attribuée à « claire » : seuls les membres du groupe « Ingénieurs pédagogiques » et les administrateurs peuvent s'en charger.");
    assertRefused(ines.post("/task/" + review + "/identity-links", Map.of("groupId", Groups.TEACHERS, "type", "candidate")), 403,
        "Seuls les administrateurs peuvent changer à qui une tâche est proposée");
    assertRefused(ines.post("/task/" + review + "/identity-links/delete",
        Map.of("groupId", Groups.INSTRUCTIONAL_DESIGNERS, "type", "candidate")), 403, "Seuls les administrateurs");
    assertThat(taskService.getIdentityLinksForTask(review)).extracting(link -> link.getGroupId()).containsExactly(Groups.INSTRUCTIONAL_DESIGNERS);
    assertThat(rest("claire").get("/task?processInstanceId=" + instanceId).json()).as("claire sees nothing").isEmpty();

    // even an administrator's extra group does not make claire a reviewer
    assertThat(rest("admin").post("/task/" + review + "/identity-links", Map.of("groupId", Groups.TEACHERS, "type", "candidate"))
        .status()).isEqualTo(204);
    assertRefused(claire.post("/task/" + review + "/claim", Map.of("userId", "claire")), 403, "« claire »");
    assertThat(rest("admin").post("/task/" + review + "/identity-links/delete", Map.of("groupId", Groups.TEACHERS, "type", "candidate"))
        .status()).isEqualTo(204);

    assertThat(ines.post("/task/" + review + "/claim", Map.of("userId", "ines")).status()).isEqualTo(204);
    Map<String, Object> approve = new LinkedHashMap<>(Map.of("scoreAlignment", 2, "scoreActivities", 3, "scoreAssessment", 2,
        "scoreAccessibility", 2, "recommendation", "approve"));
    assertThat(ines.post("/task/" + review + "/submit-form", restVariables(approve)).status()).isEqualTo(204);
    String decision = taskId(instanceId, LabellingProcess.Tasks.DECIDE_LABEL);

    // hugo (committee) tries to give the decision to claire, to a login with a typo, to ines
    assertRefused(hugo.post("/task/" + decision + "/assignee", Map.of("userId", "claire")), 403,
        "seuls les membres du groupe « Comité de labellisation » et les administrateurs peuvent s'en charger");
    Api.Response typo = hugo.post("/task/" + decision + "/assignee", Map.of("userId", "sopihe"));
    assertRefused(typo, 400, "aucun compte « sopihe » dans l'annuaire");
    assertThat(typo.json().get("field").asText()).isEqualTo("userId");
    assertRefused(hugo.post("/task/" + decision + "/delegate", Map.of("userId", "ines")), 403, "« ines »");
    assertThat(taskService.createTaskQuery().taskId(decision).singleResult().getAssignee()).as("nobody's yet").isNull();

    // sophie, on the committee, may take it; then hugo may not complete it through an owner either
    assertThat(hugo.post("/task/" + decision + "/assignee", Map.of("userId", "sophie")).status()).isEqualTo(204);
    assertRefused(hugo.put("/task/" + decision, Map.of("name", "Statuer sur l'attribution du label", "owner", "claire",
        "assignee", "sophie", "priority", 50)), 403, "Seuls les administrateurs");
    assertThat(taskService.createTaskQuery().taskId(decision).singleResult().getOwner()).isNull();
    runtimeService.deleteProcessInstance(instanceId, "test terminé");
  }

  @Test
  void theBudgetApprovalNeverGoesToFinanceForTheLabManagersNorAnOwnerCompletesIt() {
    String instanceId = claireRequests(10, 450.0);
    String opinion = taskId(instanceId, PurchaseProcess.GIVE_PEDAGOGICAL_OPINION);

    // an administrator may set an owner; the owner, a teacher, still may neither complete nor pass it on
    assertThat(rest("admin").post("/task/" + opinion + "/identity-links", Map.of("userId", "thomas", "type", "owner")).status())
        .isEqualTo(204);
    assertRefused(rest("thomas").post("/task/" + opinion + "/submit-form",
        restVariables(Map.of("opinionFavourable", true, "opinionComments", "Très utile"))), 403,
        "Vous ne pouvez pas terminer la tâche « Donner l'avis pédagogique » : seuls les membres du groupe « Ingénieurs pédagogiques »");
    assertThat(taskService.createTaskQuery().taskId(opinion).count()).isOne();

    Api ines = rest("ines");
    assertThat(ines.post("/task/" + opinion + "/claim", Map.of("userId", "ines")).status()).isEqualTo(204);
    assertThat(ines.post("/task/" + opinion + "/submit-form",
        restVariables(Map.of("opinionFavourable", true, "opinionComments", "Très utile"))).status()).isEqualTo(204);
    String labManager = taskId(instanceId, PurchaseProcess.APPROVE_AS_LAB_MANAGER);
    Api lea = rest("lea");
    assertRefused(lea.post("/task/" + labManager + "/assignee", Map.of("userId", "marc")), 403,
        "seuls les membres du groupe « Responsables du learning lab » et les administrateurs");
    assertThat(lea.post("/task/" + labManager + "/assignee", Map.of("userId", "paul")).status()).as("a colleague").isEqualTo(204);
    assertThat(rest("paul").post("/task/" + labManager + "/delegate", Map.of("userId", "lea")).status()).isEqualTo(204);
    assertThat(rest("admin").post("/task/" + labManager + "/assignee", Map.of("userId", "admin")).status())
        .as("an administrator takes any task").isEqualTo(204);
    runtimeService.deleteProcessInstance(instanceId, "test terminé");
  }

  @Test
  void tasklistSetsADueDateAndAFollowUpDate() {
    String instanceId = claireRequests(1, 90.0);
    String opinion = taskId(instanceId, PurchaseProcess.GIVE_PEDAGOGICAL_OPINION);
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("tasklist", "ines").status()).isEqualTo(200);
    String api = "/camunda/api/engine/engine/default/task/" + opinion;

    // what Tasklist sends: the task as it loaded it (camundaFormRef included), with the new date
    Api.Response loaded = tasklist.get(api);
    assertThat(loaded.json().get("camundaFormRef").isObject()).as(loaded.body()).isTrue();
    com.fasterxml.jackson.databind.node.ObjectNode sent = (com.fasterxml.jackson.databind.node.ObjectNode) loaded.json();
    sent.put("followUp", "2026-12-15T09:00:00.000+0000");
    sent.put("due", "2026-12-20T17:00:00.000+0000");
    Api.Response saved = tasklist.putJson(api, sent.toString());

    assertThat(saved.status()).as(saved.body()).isEqualTo(204);
    org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().taskId(opinion).singleResult();
    assertThat(task.getFollowUpDate()).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-12-15T09:00:00Z")));
    assertThat(task.getDueDate()).isEqualTo(java.util.Date.from(java.time.Instant.parse("2026-12-20T17:00:00Z")));
    assertThat(tasklist.get(api).json().get("camundaFormRef").get("key").asText()).as("its form unchanged")
        .isEqualTo("purchase-pedagogical-opinion");
    runtimeService.deleteProcessInstance(instanceId, "test terminé");
  }

  @Test
  void theMentorsColleagueMayHoldTheWelcomeMeetingButNotATeacher() {
    String colleague = "julien-eligibility";
    testAccount(colleague, "Julien", "Moreau", null, Groups.INSTRUCTIONAL_DESIGNERS);
    try {
      identityService.setAuthentication("nadia", List.of(Groups.HR));
      String instanceId = runtimeService.startProcessInstanceByKey(org.pedaflow.onboarding.Onboarding.PROCESS_KEY, Map.of(
          "teacherId", "thomas", "teacherName", "Thomas Martin", "teacherEmail", "thomas@univ.example",
          "department", "UFR Lettres et langues", "status", "titulaire",
          "startDate", java.time.LocalDate.now().plusDays(3).toString(), "needsLmsTraining", false)).getId();
      identityService.clearAuthentication();
      awaitJobs(instanceId);
      Api ines = rest("ines");
      String assignMentor = taskId(instanceId, "AssignMentor");
      assertThat(ines.post("/task/" + assignMentor + "/claim", Map.of("userId", "ines")).status()).isEqualTo(204);
      assertThat(ines.post("/task/" + assignMentor + "/submit-form", restVariables(Map.of("mentorId", "ines"))).status()).isEqualTo(204);
      String questionnaire = taskId(instanceId, "CompleteNeedsQuestionnaire");
      assertRefused(rest("admin").post("/task/" + questionnaire + "/assignee", Map.of("userId", "claire")), 403,
          "seuls « thomas » (à qui le processus la confie) et les administrateurs peuvent s'en charger");
      assertThat(rest("thomas").post("/task/" + questionnaire + "/submit-form", restVariables(Map.of(
          "lmsExperience", "basic", "interests", "hybrid", "wantsLabelSupport", false))).status()).isEqualTo(204);
      String meeting = taskId(instanceId, "HoldWelcomeMeeting");

      assertRefused(ines.post("/task/" + meeting + "/assignee", Map.of("userId", "claire")), 403,
          "seuls « ines » (à qui le processus la confie), les membres du groupe « Ingénieurs pédagogiques » et les administrateurs");
      assertThat(ines.post("/task/" + meeting + "/assignee", Map.of("userId", colleague)).status()).isEqualTo(204);
      assertThat(taskService.createTaskQuery().taskId(meeting).singleResult().getAssignee()).isEqualTo(colleague);
      runtimeService.deleteProcessInstance(instanceId, "test terminé");
    } finally {
      identityService.deleteUser(colleague);
    }
  }

  /** claire's purchase request, started on the Java API, at the pedagogical opinion. */
  private String claireRequests(int quantity, double unitPriceEur) {
    identityService.setAuthentication("claire", List.of(Groups.TEACHERS));
    String instanceId = runtimeService.startProcessInstanceByKey(PurchaseProcess.PROCESS_KEY,
        PurchaseTestSupport.request(quantity, unitPriceEur)).getId();
    identityService.clearAuthentication();
    awaitJobs(instanceId);
    return instanceId;
  }

  private static void assertRefused(Api.Response answer, int status, String messagePart) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().get("message").asText()).contains(messagePart);
    BadInputTest.assertNoInternals(answer.body());
  }

  private String taskId(String instanceId, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey).singleResult().getId();
  }
}
