package org.pedaflow.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pedaflow.purchase.PurchaseProcess.*;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The thresholds of public procurement in {@code purchase-approval-level}, at their edges (as deployed). */
class PurchaseApprovalLevelDecisionTest extends PedaflowIntegrationTest {

  @Autowired DecisionService decisionService;

  @ParameterizedTest(name = "{0} € → {1}")
  @CsvSource({
      "0.01, LAB",
      "999.99, LAB",
      "1000, LAB",
      "1000.01, FINANCE",
      "25000, FINANCE",
      "40000, FINANCE",
      "40000.01, TENDER",
      "2500000, TENDER"})
  void approvalLevelFollowsTheThresholds(double totalAmountEur, String expectedLevel) {
    String level = decisionService.evaluateDecisionTableByKey(APPROVAL_LEVEL_DECISION,
            Variables.createVariables().putValue(TOTAL_AMOUNT_EUR, totalAmountEur))
        .getSingleResult().getSingleEntry();

    assertThat(level).isEqualTo(expectedLevel);
  }
}
