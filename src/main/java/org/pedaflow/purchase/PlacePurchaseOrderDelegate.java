package org.pedaflow.purchase;

import static org.pedaflow.purchase.PurchaseProcess.PURCHASE_ORDER_DATE;
import static org.pedaflow.purchase.PurchaseProcess.PURCHASE_ORDER_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code PlacePurchaseOrder}: sends the approved request to the finance system and keeps the order number.
 * Runs as an asynchronous job with a retry cycle; safe to run twice because {@link FinanceSystem} is idempotent.
 */
@Component("placePurchaseOrder")
public class PlacePurchaseOrderDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(PlacePurchaseOrderDelegate.class);

  private final FinanceSystem financeSystem;

  public PlacePurchaseOrderDelegate(FinanceSystem financeSystem) {
    this.financeSystem = financeSystem;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PurchaseOrderRequest request = PurchaseOrderRequest.of(execution);
    PlacedOrder order = financeSystem.placeOrder(request);
    execution.setVariable(PURCHASE_ORDER_NUMBER, order.number());
    execution.setVariable(PURCHASE_ORDER_DATE, order.placedOn().toString());
    LOG.info("{}: purchase order {} for the requester {}", request.businessKey(), order.number(),
        request.requesterId());
  }
}
