package org.pedaflow.purchase;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.pedaflow.reference.ReferenceGenerator;
import org.pedaflow.reference.ReferenceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Default {@link FinanceSystem}: records the order in the {@code purchase_order} table
 * ({@code db/purchase.sql}) until the university's finance system is connected.
 *
 * <p>Idempotent: the order of a request is looked up first, and the table allows one order per business key.
 * The insert joins the engine's transaction, so a failed job leaves no order behind.
 */
@Component
public class RecordingFinanceSystem implements FinanceSystem {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingFinanceSystem.class);

  private final JdbcTemplate jdbc;
  private final ReferenceGenerator references;

  public RecordingFinanceSystem(JdbcTemplate jdbc, ReferenceGenerator references) {
    this.jdbc = jdbc;
    this.references = references;
  }

  @Override
  public PlacedOrder placeOrder(PurchaseOrderRequest request) {
    Optional<PlacedOrder> existing = findByBusinessKey(request.businessKey());
    if (existing.isPresent()) {
      LOG.info("{}: purchase order {} already placed, not placing another one", request.businessKey(),
          existing.get().number());
      return existing.get();
    }
    String number = references.next(ReferenceType.PO);
    LocalDateTime now = LocalDateTime.now();
    jdbc.update("""
        INSERT INTO purchase_order (order_number, business_key, process_instance_id, requester_id,
          item_description, quantity, unit_price_eur, total_amount_eur, supplier, budget_line, approval_level,
          budget_commitment_number, tender_reference, placed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        number, request.businessKey(), request.processInstanceId(), request.requesterId(),
        request.itemDescription(), request.quantity(), request.unitPriceEur(), request.totalAmountEur(),
        request.supplier(), request.budgetLine(), request.approvalLevel(), request.budgetCommitmentNumber(),
        request.tenderReference(), Timestamp.valueOf(now));
    LOG.info("{}: purchase order {} placed ({} €, {})", request.businessKey(), number, request.totalAmountEur(),
        request.supplier());
    return new PlacedOrder(number, now.toLocalDate());
  }

  /** The order placed for a request, if any. */
  public Optional<PlacedOrder> findByBusinessKey(String businessKey) {
    List<PlacedOrder> orders = jdbc.query(
        "SELECT order_number, placed_at FROM purchase_order WHERE business_key = ?",
        (rs, row) -> new PlacedOrder(rs.getString("order_number"),
            rs.getTimestamp("placed_at").toLocalDateTime().toLocalDate()),
        businessKey);
    return orders.stream().findFirst();
  }
}
