package org.pedaflow.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pedaflow.purchase.PurchaseProcess.*;
import static org.pedaflow.purchase.PurchaseTestSupport.*;
import static org.pedaflow.test.VariableMaps.with;
import static org.pedaflow.test.VariableMaps.without;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pedaflow.rules.ForbiddenActionException;
import org.pedaflow.test.Api;
import org.pedaflow.test.Mails;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * {@code learning-lab-purchase} over the REST API as its actors (claire, ines, lea, paul, marc), as Tasklist does:
 * who may start, who sees which task, refusals with their HTTP answers, and the mails they receive.
 */
class LearningLabPurchaseRestTest extends PedaflowIntegrationTest {

  private static final String START = "/process-definition/key/" + PROCESS_KEY + "/start";

  @Test
  void aFinancePurchaseIsWalkedThroughByItsActors() {
    assertThat(rest("marc").post(START, restVariables(request(2, 1500.0))).status())
        .as("le service financier ne démarre pas d'achat").isEqualTo(403);
    Api.Response refused = rest("claire").post(START, restVariables(with(request(2, 1500.0), UNIT_PRICE_EUR, 0)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("type").asText()).isEqualTo("InvalidInput");
    assertThat(refused.json().get("field").asText()).isEqualTo(UNIT_PRICE_EUR);
    assertThat(refused.json().get("message").asText()).contains("Prix unitaire", "strictement positif");

    Api.Response started = rest("claire").post(START, restVariables(request(2, 1500.0)));
    assertThat(started.status()).isEqualTo(200);
    String id = started.json().get("id").asText();
    String businessKey = started.json().get("businessKey").asText();
    assertThat(businessKey).matches("ACH-\\d{4}-\\d{4}");
    assertThat(runtimeService.getVariable(id, APPROVAL_LEVEL)).isEqualTo(LEVEL_FINANCE);

    assertThat(rest("claire").get("/process-definition/key/" + PROCESS_KEY + "/deployed-start-form").json()
        .get("id").asText()).isEqualTo("purchase-request");
    assertOnlyTheseSee(id, GIVE_PEDAGOGICAL_OPINION, "ines");
    assertThat(rest("ines").get("/task/" + taskId(id, "ines") + "/deployed-form").json().get("id").asText())
        .isEqualTo("purchase-pedagogical-opinion");
    assertThat(rest("ines").post("/task/" + taskId(id, "ines") + "/submit-form",
        restVariables(Map.of(OPINION_FAVOURABLE, true, OPINION_COMMENTS, "Sert la pédagogie par projet")))
        .status()).isEqualTo(204);

    assertOnlyTheseSee(id, APPROVE_AS_LAB_MANAGER, "lea", "paul");
    assertThat(rest("lea").post("/task/" + taskId(id, "lea") + "/complete",
        restVariables(Map.of(LAB_MANAGER_APPROVED, true))).status()).isEqualTo(204);

    assertOnlyTheseSee(id, APPROVE_BUDGET, "marc");
    String budgetTask = taskId(id, "marc");
    assertThat(rest("marc").get("/task/" + budgetTask + "/deployed-form").json().get("id").asText())
        .isEqualTo("purchase-budget-approval");
    Api.Response withoutCommitment = rest("marc").post("/task/" + budgetTask + "/complete",
        restVariables(Map.of(BUDGET_APPROVED, true)));
    assertThat(withoutCommitment.status()).isEqualTo(400);
    assertThat(withoutCommitment.json().get("field").asText()).isEqualTo(BUDGET_COMMITMENT_NUMBER);
    assertThat(taskService.createTaskQuery().taskId(budgetTask).count()).isEqualTo(1);
    assertThat(rest("marc").post("/task/" + budgetTask + "/complete",
        restVariables(Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, "ENG-2026-0815"))).status())
        .isEqualTo(204);
    awaitJobs(id);

    String orderNumber = (String) runtimeService.getVariable(id, PURCHASE_ORDER_NUMBER);
    assertThat(orderNumber).matches("PO-\\d{4}-\\d{4}");
    List<MimeMessage> orderMails = mails(greenMail, businessKey, "claire@univ.example");
    assertThat(orderMails).hasSize(1);
    assertThat(Mails.text(orderMails.get(0))).contains(orderNumber, "3 000,00 €", "http://pedaflow.test");

    assertOnlyTheseSee(id, REGISTER_DELIVERY, "lea", "paul");
    assertThat(rest("paul").post("/task/" + taskId(id, "paul") + "/submit-form",
        restVariables(Map.of(DELIVERED_ON, LocalDate.now().toString(), INVENTORY_NUMBER, "INV-2026-0099"))).status())
        .isEqualTo(204);

    JsonNode history = rest("ines").get("/history/process-instance/" + id).json();
    assertThat(history.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(history.get("businessKey").asText()).isEqualTo(businessKey);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(id)
        .activityId(EQUIPMENT_AVAILABLE).count()).isEqualTo(1);
  }

  @Test
  void aLabManagerCannotApproveTheirOwnRequest_anotherOneCan() {
    Api.Response started = rest("lea").post(START, restVariables(request(1, 640.0)));
    assertThat(started.status()).isEqualTo(200);
    String id = started.json().get("id").asText();
    assertThat(rest("ines").post("/task/" + taskId(id, "ines") + "/complete",
        restVariables(Map.of(OPINION_FAVOURABLE, true))).status()).isEqualTo(204);

    String approval = taskId(id, "lea");
    // she may not take it either (it would stay hers, out of the others' « Tâches de mes groupes »), nor be given it
    Api.Response ownClaim = rest("lea").post("/task/" + approval + "/claim", Map.of("userId", "lea"));
    assertThat(ownClaim.status()).isEqualTo(403);
    assertThat(ownClaim.json().get("type").asText()).isEqualTo("ForbiddenAction");
    assertThat(ownClaim.json().get("message").asText()).contains("« lea »", "une autre personne du groupe");
    assertThat(rest("admin").post("/task/" + approval + "/assignee", Map.of("userId", "lea")).status()).isEqualTo(403);
    assertThatThrownBy(() -> taskService.delegateTask(approval, "lea")).hasRootCauseInstanceOf(ForbiddenActionException.class);
    assertThat(taskService.createTaskQuery().taskId(approval).singleResult().getAssignee()).isNull();
    assertThat(rest("paul").get("/task?candidateGroups=lab-managers&processInstanceId=" + id).json()).hasSize(1);

    Api.Response ownApproval = rest("lea").post("/task/" + approval + "/complete",
        restVariables(Map.of(LAB_MANAGER_APPROVED, true)));

    assertThat(ownApproval.status()).isEqualTo(403);
    assertThat(ownApproval.json().get("type").asText()).isEqualTo("ForbiddenAction");
    assertThat(ownApproval.json().get("message").asText()).contains("votre propre demande");
    assertThat(taskService.createTaskQuery().taskId(approval).count()).isEqualTo(1);
    assertThat(rest("paul").post("/task/" + approval + "/claim", Map.of("userId", "paul")).status()).isEqualTo(204);
    assertThat(rest("paul").post("/task/" + approval + "/complete",
        restVariables(Map.of(LAB_MANAGER_APPROVED, true))).status()).isEqualTo(204);
  }

  @Test
  void aTeacherAndAnInstructionalDesignerMayStartAPurchase() {
    for (String requester : List.of("thomas", "ines")) {
      Api.Response started = rest(requester).post(START, restVariables(request(1, 20.0)));
      assertThat(started.status()).as(requester).isEqualTo(200);
      assertThat(runtimeService.getVariable(started.json().get("id").asText(), REQUESTER_ID)).isEqualTo(requester);
    }
  }

  /** Among the demo users concerned, exactly {@code users} see the one open task, and it is {@code taskKey}. */
  private void assertOnlyTheseSee(String processInstanceId, String taskKey, String... users) {
    List<String> seeing = new ArrayList<>();
    for (String user : List.of("claire", "ines", "lea", "paul", "marc")) {
      JsonNode tasks = rest(user).get("/task?processInstanceId=" + processInstanceId).json();
      if (tasks.size() > 0) {
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).as(user).isEqualTo(taskKey);
        seeing.add(user);
      }
    }
    assertThat(seeing).as("qui voit %s", taskKey).containsExactly(users);
  }

  private String taskId(String processInstanceId, String user) {
    JsonNode tasks = rest(user).get("/task?processInstanceId=" + processInstanceId).json();
    assertThat(tasks.size()).as("tâches visibles par %s", user).isEqualTo(1);
    return tasks.get(0).get("id").asText();
  }
}
