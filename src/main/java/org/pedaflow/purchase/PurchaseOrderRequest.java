package org.pedaflow.purchase;

import static org.pedaflow.purchase.PurchaseProcess.*;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** An approved purchase request, as sent to the finance system. Amounts in euros, to the cent. */
public record PurchaseOrderRequest(
    String businessKey,
    String processInstanceId,
    String requesterId,
    String itemDescription,
    int quantity,
    BigDecimal unitPriceEur,
    BigDecimal totalAmountEur,
    String supplier,
    String budgetLine,
    String approvalLevel,
    String budgetCommitmentNumber,
    String tenderReference) {

  static PurchaseOrderRequest of(DelegateExecution execution) {
    return new PurchaseOrderRequest(
        execution.getProcessBusinessKey(),
        execution.getProcessInstanceId(),
        (String) execution.getVariable(REQUESTER_ID),
        (String) execution.getVariable(ITEM_DESCRIPTION),
        ((Number) execution.getVariable(QUANTITY)).intValue(),
        euros(execution.getVariable(UNIT_PRICE_EUR)),
        euros(execution.getVariable(TOTAL_AMOUNT_EUR)),
        (String) execution.getVariable(SUPPLIER),
        (String) execution.getVariable(BUDGET_LINE),
        (String) execution.getVariable(APPROVAL_LEVEL),
        (String) execution.getVariable(BUDGET_COMMITMENT_NUMBER),
        (String) execution.getVariable(TENDER_REFERENCE));
  }

  private static BigDecimal euros(Object amount) {
    return BigDecimal.valueOf(((Number) amount).doubleValue());
  }
}
