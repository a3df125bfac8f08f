package org.pedaflow.purchase;

/**
 * The university's finance system, as far as {@code learning-lab-purchase} needs it: placing the purchase order
 * of an approved request.
 *
 * <p>Implementations must be idempotent per request ({@link PurchaseOrderRequest#businessKey()}): the engine retries
 * a failed {@code PlacePurchaseOrder} job, and a retry must return the order already placed, never place a second
 * one.
 */
public interface FinanceSystem {

  /** Places the order of an approved request, or returns the one already placed for it. */
  PlacedOrder placeOrder(PurchaseOrderRequest request);
}
