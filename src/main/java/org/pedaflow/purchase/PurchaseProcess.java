package org.pedaflow.purchase;

import java.util.Set;
import org.pedaflow.identity.ProcessKeys;

/** Identifiers of the {@code learning-lab-purchase} process (SPEC §3.3), in one place. */
public final class PurchaseProcess {

  public static final String PROCESS_KEY = ProcessKeys.LEARNING_LAB_PURCHASE;
  public static final String APPROVAL_LEVEL_DECISION = ProcessKeys.PURCHASE_APPROVAL_LEVEL;

  // Activities
  public static final String DETERMINE_APPROVAL_LEVEL = "DetermineApprovalLevel";
  public static final String GIVE_PEDAGOGICAL_OPINION = "GivePedagogicalOpinion";
  public static final String APPROVE_AS_LAB_MANAGER = "ApproveAsLabManager";
  public static final String APPROVE_BUDGET = "ApproveBudget";
  public static final String PLACE_PURCHASE_ORDER = "PlacePurchaseOrder";
  public static final String SEND_REFUSAL_MAIL = "SendRefusalMail";
  public static final String SEND_ORDER_MAIL = "SendOrderMail";
  public static final String REGISTER_DELIVERY = "RegisterDelivery";
  public static final String DELIVERY_OVERDUE = "Event_DeliveryOverdue";
  public static final String SEND_DELIVERY_REMINDER = "SendDeliveryReminder";
  public static final String PURCHASE_REJECTED = "PurchaseRejected";
  public static final String EQUIPMENT_AVAILABLE = "EquipmentAvailable";
  public static final String FINANCE_REMINDED = "Event_FinanceReminded";

  /** The tasks that nobody may complete on their own request (four eyes). */
  public static final Set<String> DECISION_TASKS =
      Set.of(GIVE_PEDAGOGICAL_OPINION, APPROVE_AS_LAB_MANAGER, APPROVE_BUDGET);

  // Variables named by the SPEC
  public static final String REQUESTER_ID = "requesterId";
  public static final String ITEM_DESCRIPTION = "itemDescription";
  public static final String QUANTITY = "quantity";
  public static final String UNIT_PRICE_EUR = "unitPriceEur";
  public static final String SUPPLIER = "supplier";
  public static final String PEDAGOGICAL_JUSTIFICATION = "pedagogicalJustification";
  public static final String BUDGET_LINE = "budgetLine";
  public static final String TOTAL_AMOUNT_EUR = "totalAmountEur";
  public static final String APPROVAL_LEVEL = "approvalLevel";
  public static final String OPINION_FAVOURABLE = "opinionFavourable";
  public static final String OPINION_COMMENTS = "opinionComments";
  public static final String LAB_MANAGER_APPROVED = "labManagerApproved";
  public static final String LAB_MANAGER_COMMENTS = "labManagerComments";
  public static final String BUDGET_APPROVED = "budgetApproved";
  public static final String BUDGET_COMMITMENT_NUMBER = "budgetCommitmentNumber";
  public static final String TENDER_REFERENCE = "tenderReference";
  public static final String PURCHASE_ORDER_NUMBER = "purchaseOrderNumber";
  public static final String DELIVERED_ON = "deliveredOn";
  public static final String INVENTORY_NUMBER = "inventoryNumber";

  // Variables this process adds for people (forms, mails, Cockpit)
  public static final String BUDGET_COMMENTS = "budgetComments";
  public static final String PURCHASE_ORDER_DATE = "purchaseOrderDate";
  public static final String REFUSED_BY = "refusedBy";
  public static final String REFUSED_BY_NAME = "refusedByName";
  public static final String REFUSAL_STEP = "refusalStep";
  public static final String REFUSAL_REASON = "refusalReason";

  // Values of approvalLevel (decision purchase-approval-level)
  public static final String LEVEL_LAB = "LAB";
  public static final String LEVEL_FINANCE = "FINANCE";
  public static final String LEVEL_TENDER = "TENDER";

  private PurchaseProcess() {}
}
