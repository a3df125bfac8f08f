package org.pedaflow.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.pedaflow.purchase.PurchaseProcess.*;
import static org.pedaflow.purchase.PurchaseTestSupport.*;
import static org.pedaflow.test.VariableMaps.with;
import static org.pedaflow.test.VariableMaps.without;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pedaflow.rules.ForbiddenActionException;
import org.pedaflow.rules.InvalidInputException;
import org.pedaflow.rules.RuleViolationException;
import org.pedaflow.test.Mails;
import org.pedaflow.test.FullCoverage;
import org.pedaflow.test.Refusals;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every path of {@code learning-lab-purchase} (SPEC §3.3) through the Java API, as the demo users: the three
 * approval levels, a refusal at each decision, four eyes, the delivery reminder, a failing finance system, and
 * each refused input. The class fails unless the tests cover every flow node and sequence flow of the model.
 */
@FullCoverage(PurchaseProcess.PROCESS_KEY)
class LearningLabPurchaseScenarioTest extends PedaflowIntegrationTest {

  @Autowired RecordingFinanceSystem purchaseOrders;
  @Autowired PlacePurchaseOrderDelegate placePurchaseOrder;

  // ---------------------------------------------------------------- the three approval levels

  @Test
  void labLevel_threeTimesTenCents_isApprovedByTheLabManagerAndDelivered() {
    ProcessInstance purchase = start("claire", request(3, 0.10));

    assertThat(purchase.getBusinessKey()).matches("ACH-\\d{4}-\\d{4}");
    assertThat(purchase).isWaitingAt(GIVE_PEDAGOGICAL_OPINION).hasPassed(DETERMINE_APPROVAL_LEVEL);
    assertThat(variable(purchase, TOTAL_AMOUNT_EUR)).isEqualTo(0.3);
    assertThat(variable(purchase, APPROVAL_LEVEL)).isEqualTo(LEVEL_LAB);
    assertThat(variable(purchase, REQUESTER_ID)).isEqualTo("claire");

    giveOpinion(purchase, true, "Utile en TP");
    approveAsLabManager("lea", purchase, true);
    awaitJobs(purchase.getId());

    assertThat(purchase).isWaitingAt(REGISTER_DELIVERY)
        .hasPassed(PLACE_PURCHASE_ORDER, SEND_ORDER_MAIL).hasNotPassed(APPROVE_BUDGET);
    String orderNumber = (String) variable(purchase, PURCHASE_ORDER_NUMBER);
    assertThat(orderNumber).matches("PO-\\d{4}-\\d{4}");
    assertThat(purchaseOrders.findByBusinessKey(purchase.getBusinessKey())).get()
        .extracting(PlacedOrder::number).isEqualTo(orderNumber);
    List<MimeMessage> orderMails = mails(greenMail, purchase.getBusinessKey(), "claire@univ.example");
    assertThat(orderMails).hasSize(1);
    assertThat(Mails.subject(orderMails.get(0))).contains(orderNumber);
    assertThat(Mails.text(orderMails.get(0))).contains("0,30 €", orderNumber);

    registerDelivery(purchase);

    assertThat(purchase).isEnded().hasPassed(EQUIPMENT_AVAILABLE);
    assertThat(historicVariable(purchase, INVENTORY_NUMBER)).isEqualTo("INV-2026-0042");
  }

  @Test
  void financeLevel_needsTheBudgetApprovalWithACommitmentNumber() {
    ProcessInstance purchase = start("claire", request(2, 1500.0));
    assertThat(variable(purchase, TOTAL_AMOUNT_EUR)).isEqualTo(3000.0);
    assertThat(variable(purchase, APPROVAL_LEVEL)).isEqualTo(LEVEL_FINANCE);

    giveOpinion(purchase, true, null);
    approveAsLabManager("paul", purchase, true);
    assertThat(purchase).isWaitingAt(APPROVE_BUDGET);
    assertThat(task(purchase, APPROVE_BUDGET)).hasCandidateGroup("finance");

    approveBudget(purchase, Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, "ENG-2026-0815"));
    awaitJobs(purchase.getId());

    assertThat(purchase).isWaitingAt(REGISTER_DELIVERY).hasPassed(PLACE_PURCHASE_ORDER, SEND_ORDER_MAIL);
    assertThat(mails(greenMail, purchase.getBusinessKey(), "claire@univ.example")).hasSize(1);
    registerDelivery(purchase);
    assertThat(purchase).isEnded().hasPassed(EQUIPMENT_AVAILABLE);
  }

  @Test
  void tenderLevel_needsTheTenderReferenceFromFinance() {
    ProcessInstance purchase = start("paul", request(1, 52000.0));
    assertThat(variable(purchase, APPROVAL_LEVEL)).isEqualTo(LEVEL_TENDER);
    giveOpinion(purchase, true, "Équipement structurant du learning lab");
    approveAsLabManager("lea", purchase, true);

    Map<String, Object> withoutTenderReference = Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, "ENG-2026-0900");
    assertRefused(() -> approveBudget(purchase, withoutTenderReference), TENDER_REFERENCE);
    assertThat(purchase).isWaitingAt(APPROVE_BUDGET);

    approveBudget(purchase, Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, "ENG-2026-0900",
        TENDER_REFERENCE, "AO-2026-07"));
    awaitJobs(purchase.getId());

    assertThat(purchase).isWaitingAt(REGISTER_DELIVERY);
    assertThat(variable(purchase, TENDER_REFERENCE)).isEqualTo("AO-2026-07");
    registerDelivery(purchase);
    assertThat(purchase).isEnded().hasPassed(EQUIPMENT_AVAILABLE);
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void unfavourableOpinion_isARefusal_mailedToTheRequesterWithReasonAndAuthor() {
    ProcessInstance purchase = start("claire", request(2, 1500.0));

    giveOpinion(purchase, false, "Le fablab dispose déjà de deux imprimantes équivalentes.");
    awaitJobs(purchase.getId());

    assertThat(purchase).isEnded().hasPassed(SEND_REFUSAL_MAIL, PURCHASE_REJECTED).hasNotPassed(APPROVE_AS_LAB_MANAGER);
    assertRefusalMail(purchase, "Avis pédagogique", "Le fablab dispose déjà de deux imprimantes équivalentes.");
  }

  @Test
  void labManagerRefusal_endsTheRequest() {
    ProcessInstance purchase = start("claire", request(2, 1500.0));
    giveOpinion(purchase, true, null);

    complete("lea", purchase, APPROVE_AS_LAB_MANAGER,
        Map.of(LAB_MANAGER_APPROVED, false, LAB_MANAGER_COMMENTS, "Pas de place dans le learning lab."));
    awaitJobs(purchase.getId());

    assertThat(purchase).isEnded().hasPassed(PURCHASE_REJECTED).hasNotPassed(APPROVE_BUDGET, PLACE_PURCHASE_ORDER);
    assertRefusalMail(purchase, "responsable du learning lab", "Pas de place dans le learning lab.");
  }

  @Test
  void budgetRefusal_endsTheRequestWithoutOrder() {
    ProcessInstance purchase = start("claire", request(2, 1500.0));
    giveOpinion(purchase, true, null);
    approveAsLabManager("lea", purchase, true);

    approveBudget(purchase, Map.of(BUDGET_APPROVED, false, BUDGET_COMMENTS, "Ligne budgétaire épuisée pour 2026."));
    awaitJobs(purchase.getId());

    assertThat(purchase).isEnded().hasPassed(PURCHASE_REJECTED).hasNotPassed(PLACE_PURCHASE_ORDER);
    assertThat(purchaseOrders.findByBusinessKey(purchase.getBusinessKey())).isEmpty();
    assertRefusalMail(purchase, "Approbation budgétaire", "Ligne budgétaire épuisée pour 2026.");
  }

  private void assertRefusalMail(ProcessInstance purchase, String step, String reason) {
    List<MimeMessage> refusals = mails(greenMail, purchase.getBusinessKey(), "claire@univ.example");
    assertThat(refusals).hasSize(1);
    assertThat(Mails.subject(refusals.get(0))).contains(purchase.getBusinessKey(), "refusée");
    String refusedBy = (String) historicVariable(purchase, REFUSED_BY_NAME);
    assertThat(refusedBy).isNotBlank().isNotEqualTo(historicVariable(purchase, REFUSED_BY));
    assertThat(Mails.text(refusals.get(0))).contains(step, reason, refusedBy);
  }

  // ---------------------------------------------------------------- four eyes

  @Test
  void theRequesterCannotGiveTheOpinionOnTheirOwnRequest() {
    ProcessInstance purchase = start("ines", request(1, 300.0));

    assertForbidden(() -> complete("ines", purchase, GIVE_PEDAGOGICAL_OPINION, Map.of(OPINION_FAVOURABLE, true)));

    assertThat(purchase).isWaitingAt(GIVE_PEDAGOGICAL_OPINION);
    assertThat(variable(purchase, OPINION_FAVOURABLE)).isNull();
    complete("admin", purchase, GIVE_PEDAGOGICAL_OPINION, Map.of(OPINION_FAVOURABLE, true));
    assertThat(purchase).isWaitingAt(APPROVE_AS_LAB_MANAGER);
  }

  @Test
  void theRequesterCannotApproveTheirOwnRequestAsLabManager() {
    ProcessInstance purchase = start("lea", request(1, 300.0));
    giveOpinion(purchase, true, null);

    assertForbidden(() -> approveAsLabManager("lea", purchase, true));

    assertThat(purchase).isWaitingAt(APPROVE_AS_LAB_MANAGER);
    approveAsLabManager("paul", purchase, true);
    assertThat(purchase).hasPassed(APPROVE_AS_LAB_MANAGER);
  }

  @Test
  void theRequesterCannotApproveTheBudgetOfTheirOwnRequest() {
    ProcessInstance purchase = start("claire", request(2, 1500.0));
    giveOpinion(purchase, true, null);
    approveAsLabManager("lea", purchase, true);

    // claire would be a member of finance too: still not on her own request
    assertForbidden(() -> completeAs("claire", List.of("teachers", "finance"), purchase, APPROVE_BUDGET,
        Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, "ENG-1")));

    assertThat(purchase).isWaitingAt(APPROVE_BUDGET);
    assertThat(variable(purchase, BUDGET_APPROVED)).isNull();
  }

  @Test
  void theRequesterIsTheAuthenticatedStarterWhateverTheClientSends() {
    ProcessInstance purchase = start("lea", with(request(1, 300.0), REQUESTER_ID, "claire"));

    assertThat(variable(purchase, REQUESTER_ID)).isEqualTo("lea");
  }

  // ---------------------------------------------------------------- delivery reminder

  @Test
  void deliveryReminder_mailsFinanceAfterSixtyDaysAndTheTaskStaysOpen() {
    ProcessInstance purchase = approvedLabPurchase();
    Job reminder = managementService.createJobQuery().processInstanceId(purchase.getId()).timers().singleResult();
    assertThat(reminder.getDuedate().toInstant())
        .isBetween(Instant.now().plus(Duration.ofDays(59)), Instant.now().plus(Duration.ofDays(61)));

    managementService.executeJob(reminder.getId());
    awaitJobs(purchase.getId());

    assertThat(purchase).hasPassed(SEND_DELIVERY_REMINDER, FINANCE_REMINDED).isWaitingAt(REGISTER_DELIVERY);
    List<MimeMessage> reminders = mails(greenMail, purchase.getBusinessKey(), "marc@univ.example");
    assertThat(reminders).hasSize(1);
    assertThat(Mails.subject(reminders.get(0))).contains((String) variable(purchase, PURCHASE_ORDER_NUMBER))
        .contains("toujours non livrée");
    // the order date written out in French, and no approval-level code
    String orderedOn = org.pedaflow.notification.FrenchDates.IN_TEMPLATES.longDate(variable(purchase, PURCHASE_ORDER_DATE));
    assertThat(Mails.text(reminders.get(0))).contains("commandé le " + orderedOn + ",")
        .contains("sans objet (achat validé par le learning lab seul)").doesNotContain("LAB)");
    assertThat(Mails.html(reminders.get(0))).contains(orderedOn);
    registerDelivery(purchase);
    assertThat(purchase).isEnded().hasPassed(EQUIPMENT_AVAILABLE);
  }

  // ---------------------------------------------------------------- the finance system fails

  @Test
  void failingFinanceSystem_isRetriedThenAnIncidentThenOneOrderAfterTheRetry() {
    FinanceSystem realFinanceSystem = (FinanceSystem) ReflectionTestUtils.getField(placePurchaseOrder, "financeSystem");
    UnreachableFinanceSystem finance = new UnreachableFinanceSystem(realFinanceSystem);
    awaitJobs(); // the shared application: no other test's order in flight while the finance system is swapped
    ReflectionTestUtils.setField(placePurchaseOrder, "financeSystem", finance);
    try {
      ProcessInstance purchase = start("claire", request(1, 250.0));
      finance.unreachableFor(purchase.getBusinessKey());
      giveOpinion(purchase, true, null);
      approveAsLabManager("lea", purchase, true);
      awaitJobs(purchase.getId()); // first attempt by the job executor: fails, next retry in 5 minutes

      Job job = orderJob(purchase);
      assertThat(job.getRetries()).isPositive();
      assertThat(job.getDuedate()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
      while (job.getRetries() > 0) {
        String jobId = job.getId();
        assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining("injoignable");
        job = orderJob(purchase);
      }

      assertThat(finance.attempts()).isEqualTo(3); // R3/PT5M: three attempts in all, five minutes apart
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(purchase.getId()).singleResult();
      assertThat(incident.getActivityId()).isEqualTo(PLACE_PURCHASE_ORDER);
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(purchaseOrders.findByBusinessKey(purchase.getBusinessKey())).isEmpty();

      finance.backOnline();
      managementService.setJobRetries(job.getId(), 1); // what an operator does in Cockpit
      managementService.executeJob(job.getId());
      awaitJobs(purchase.getId());

      assertThat(purchase).isWaitingAt(REGISTER_DELIVERY);
      assertThat(runtimeService.createIncidentQuery().processInstanceId(purchase.getId()).count()).isZero();
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_order WHERE business_key = ?", Integer.class,
          purchase.getBusinessKey())).isEqualTo(1);
      assertThat(variable(purchase, PURCHASE_ORDER_NUMBER))
          .isEqualTo(purchaseOrders.findByBusinessKey(purchase.getBusinessKey()).orElseThrow().number());
    } finally {
      ReflectionTestUtils.setField(placePurchaseOrder, "financeSystem", realFinanceSystem);
    }
  }

  @Test
  void placingTheSameOrderTwiceReturnsTheFirstOrder() {
    PurchaseOrderRequest request = new PurchaseOrderRequest("TEST-" + Long.toString(System.nanoTime(), 36),
        "instance", "claire", "Casques de réalité virtuelle", 4, new java.math.BigDecimal("399.90"),
        new java.math.BigDecimal("1599.60"), "Meta", "LL-2026", LEVEL_FINANCE, "ENG-7", null);

    PlacedOrder first = purchaseOrders.placeOrder(request);
    PlacedOrder second = purchaseOrders.placeOrder(request);

    assertThat(second).isEqualTo(first);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM purchase_order WHERE business_key = ?", Integer.class,
        request.businessKey())).isEqualTo(1);
  }

  /** The finance system is down until {@link #backOnline()}; counts the calls. */
  static final class UnreachableFinanceSystem implements FinanceSystem {
    private final FinanceSystem real;
    private final AtomicBoolean online = new AtomicBoolean(false);
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile String businessKey;

    UnreachableFinanceSystem(FinanceSystem real) {
      this.real = real;
    }

    /** Only this request's orders fail (and are counted); any other goes through. */
    void unreachableFor(String businessKey) {
      this.businessKey = businessKey;
    }

    @Override
    public PlacedOrder placeOrder(PurchaseOrderRequest request) {
      if (!online.get() && request.businessKey().equals(businessKey)) {
        attempts.incrementAndGet();
        throw new IllegalStateException("Système financier injoignable (test)");
      }
      return real.placeOrder(request);
    }

    void backOnline() {
      online.set(true);
    }

    int attempts() {
      return attempts.get();
    }
  }

  // ---------------------------------------------------------------- refused input

  static List<Arguments> refusedStarts() {
    Map<String, Object> valid = request(2, 10.0);
    return List.of(
        Arguments.of(without(valid, QUANTITY), QUANTITY),
        Arguments.of(with(valid, QUANTITY, 0), QUANTITY),
        Arguments.of(with(valid, QUANTITY, -3), QUANTITY),
        Arguments.of(with(valid, QUANTITY, 1.5), QUANTITY),
        Arguments.of(without(valid, UNIT_PRICE_EUR), UNIT_PRICE_EUR),
        Arguments.of(with(valid, UNIT_PRICE_EUR, 0.0), UNIT_PRICE_EUR),
        Arguments.of(with(valid, UNIT_PRICE_EUR, -12.5), UNIT_PRICE_EUR),
        Arguments.of(with(valid, UNIT_PRICE_EUR, "gratuit"), UNIT_PRICE_EUR),
        Arguments.of(without(valid, ITEM_DESCRIPTION), ITEM_DESCRIPTION),
        Arguments.of(with(valid, ITEM_DESCRIPTION, "   "), ITEM_DESCRIPTION),
        Arguments.of(without(valid, SUPPLIER), SUPPLIER),
        Arguments.of(with(valid, PEDAGOGICAL_JUSTIFICATION, ""), PEDAGOGICAL_JUSTIFICATION),
        Arguments.of(without(valid, BUDGET_LINE), BUDGET_LINE),
        // longer than the purchase order's columns: refused at once, not at the order after every approval
        Arguments.of(with(valid, BUDGET_LINE, "L".repeat(201)), BUDGET_LINE),
        Arguments.of(with(valid, SUPPLIER, "S".repeat(1001)), SUPPLIER),
        Arguments.of(with(with(valid, QUANTITY, 2_000_000_000), UNIT_PRICE_EUR, 900.0), QUANTITY));
  }

  @ParameterizedTest(name = "refused start: {1}")
  @MethodSource("refusedStarts")
  void aStartBreakingARuleIsRefusedAndNothingIsSaved(Map<String, Object> variables, String field) {
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

    assertRefused(() -> start("claire", variables), field);

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void refusedOpinions() {
    ProcessInstance purchase = start("claire", request(1, 50.0));

    assertRefused(() -> complete("ines", purchase, GIVE_PEDAGOGICAL_OPINION, Map.of(OPINION_COMMENTS, "?")),
        OPINION_FAVOURABLE);
    assertRefused(() -> complete("ines", purchase, GIVE_PEDAGOGICAL_OPINION, Map.of(OPINION_FAVOURABLE, "peut-être")),
        OPINION_FAVOURABLE);
    assertRefused(() -> complete("ines", purchase, GIVE_PEDAGOGICAL_OPINION, Map.of(OPINION_FAVOURABLE, false)),
        OPINION_COMMENTS);
    assertRefused(() -> complete("ines", purchase, GIVE_PEDAGOGICAL_OPINION,
        Map.of(OPINION_FAVOURABLE, false, OPINION_COMMENTS, "  ")), OPINION_COMMENTS);

    assertThat(purchase).isWaitingAt(GIVE_PEDAGOGICAL_OPINION);
    assertThat(variable(purchase, OPINION_FAVOURABLE)).isNull();
  }

  @Test
  void refusedLabManagerDecisions() {
    ProcessInstance purchase = start("claire", request(1, 50.0));
    giveOpinion(purchase, true, null);

    assertRefused(() -> complete("lea", purchase, APPROVE_AS_LAB_MANAGER, Map.of()), LAB_MANAGER_APPROVED);
    assertRefused(() -> complete("lea", purchase, APPROVE_AS_LAB_MANAGER, Map.of(LAB_MANAGER_APPROVED, false)),
        LAB_MANAGER_COMMENTS);

    assertThat(purchase).isWaitingAt(APPROVE_AS_LAB_MANAGER);
  }

  @Test
  void refusedBudgetDecisions() {
    ProcessInstance purchase = start("claire", request(2, 1500.0));
    giveOpinion(purchase, true, null);
    approveAsLabManager("lea", purchase, true);

    assertRefused(() -> approveBudget(purchase, Map.of()), BUDGET_APPROVED);
    assertRefused(() -> approveBudget(purchase, Map.of(BUDGET_APPROVED, true)), BUDGET_COMMITMENT_NUMBER);
    assertRefused(() -> approveBudget(purchase, Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, " ")),
        BUDGET_COMMITMENT_NUMBER);
    assertRefused(() -> approveBudget(purchase, Map.of(BUDGET_APPROVED, false)), BUDGET_COMMENTS);
    assertRefused(() -> approveBudget(purchase, Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, "E".repeat(201))),
        BUDGET_COMMITMENT_NUMBER);
    assertRefused(() -> approveBudget(purchase, Map.of(BUDGET_APPROVED, true, BUDGET_COMMITMENT_NUMBER, "ENG-1",
        TENDER_REFERENCE, "T".repeat(201))), TENDER_REFERENCE);

    assertThat(purchase).isWaitingAt(APPROVE_BUDGET);
    assertThat(variable(purchase, BUDGET_APPROVED)).isNull();
  }

  @Test
  void refusedDeliveries() {
    ProcessInstance purchase = approvedLabPurchase();
    String today = LocalDate.now().toString();

    assertRefused(() -> complete("lea", purchase, REGISTER_DELIVERY, Map.of(INVENTORY_NUMBER, "INV-1")), DELIVERED_ON);
    assertRefused(() -> complete("lea", purchase, REGISTER_DELIVERY,
        Map.of(DELIVERED_ON, "31/12/2026", INVENTORY_NUMBER, "INV-1")), DELIVERED_ON);
    assertRefused(() -> complete("lea", purchase, REGISTER_DELIVERY,
        Map.of(DELIVERED_ON, LocalDate.now().plusDays(3).toString(), INVENTORY_NUMBER, "INV-1")), DELIVERED_ON);
    assertRefused(() -> complete("lea", purchase, REGISTER_DELIVERY, Map.of(DELIVERED_ON, today)), INVENTORY_NUMBER);

    assertThat(purchase).isWaitingAt(REGISTER_DELIVERY);
    assertThat(variable(purchase, DELIVERED_ON)).isNull();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstance approvedLabPurchase() {
    ProcessInstance purchase = start("claire", request(1, 80.0));
    giveOpinion(purchase, true, null);
    approveAsLabManager("lea", purchase, true);
    awaitJobs(purchase.getId());
    assertThat(purchase).isWaitingAt(REGISTER_DELIVERY);
    return purchase;
  }

  private static void assertRefused(Runnable action, String field) {
    assertThatThrownBy(action::run).satisfies(thrown -> {
      RuleViolationException violation = Refusals.ruleViolation(thrown);
      assertThat(violation).isInstanceOf(InvalidInputException.class);
      assertThat(violation.field()).isEqualTo(field);
      assertThat(violation.getMessage()).contains("(" + field + ")");
    });
  }

  private static void assertForbidden(Runnable action) {
    assertThatThrownBy(action::run).satisfies(thrown -> {
      RuleViolationException violation = Refusals.ruleViolation(thrown);
      assertThat(violation).isInstanceOf(ForbiddenActionException.class);
      assertThat(violation.httpStatus()).isEqualTo(403);
      assertThat(violation.getMessage()).contains("votre propre demande");
    });
  }

  private ProcessInstance start(String user, Map<String, Object> variables) {
    authenticate(user, groupsOf(user));
    try {
      return runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void giveOpinion(ProcessInstance purchase, boolean favourable, String comments) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(OPINION_FAVOURABLE, favourable);
    if (comments != null) {
      variables.put(OPINION_COMMENTS, comments);
    }
    complete("ines", purchase, GIVE_PEDAGOGICAL_OPINION, variables);
  }

  private void approveAsLabManager(String labManager, ProcessInstance purchase, boolean approved) {
    complete(labManager, purchase, APPROVE_AS_LAB_MANAGER, Map.of(LAB_MANAGER_APPROVED, approved));
  }

  private void approveBudget(ProcessInstance purchase, Map<String, Object> decision) {
    complete("marc", purchase, APPROVE_BUDGET, decision);
  }

  private void registerDelivery(ProcessInstance purchase) {
    complete("lea", purchase, REGISTER_DELIVERY,
        Map.of(DELIVERED_ON, LocalDate.now().toString(), INVENTORY_NUMBER, "INV-2026-0042"));
  }

  private void complete(String user, ProcessInstance purchase, String taskKey, Map<String, Object> variables) {
    completeAs(user, groupsOf(user), purchase, taskKey, variables);
  }

  private void completeAs(String user, List<String> groups, ProcessInstance purchase, String taskKey,
      Map<String, Object> variables) {
    Task task = task(purchase, taskKey);
    authenticate(user, groups);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Task task(ProcessInstance purchase, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(purchase.getId()).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("tâche %s ouverte", taskKey).isNotNull();
    return task;
  }

  private Job orderJob(ProcessInstance purchase) {
    return managementService.createJobQuery().processInstanceId(purchase.getId()).activityId(PLACE_PURCHASE_ORDER)
        .singleResult();
  }

  private List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private void authenticate(String user, List<String> groups) {
    identityService.setAuthentication(user, groups);
  }

  private Object variable(ProcessInstance purchase, String name) {
    return runtimeService.getVariable(purchase.getId(), name);
  }

  private Object historicVariable(ProcessInstance purchase, String name) {
    var variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(purchase.getId())
        .variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }
}
