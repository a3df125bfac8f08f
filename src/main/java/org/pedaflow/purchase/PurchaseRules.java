package org.pedaflow.purchase;

import static org.pedaflow.purchase.PurchaseProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pedaflow.identity.Directory;
import org.pedaflow.reference.ReferenceType;
import org.pedaflow.rules.ForbiddenActionException;
import org.pedaflow.rules.Inputs;
import org.pedaflow.rules.ProcessRules;
import org.springframework.stereotype.Component;

/**
 * Server-side rules of {@code learning-lab-purchase} (SPEC §3.3): inputs at start and at each task,
 * the total amount the decision reads, four eyes on the decisions, and who refused for the refusal mail.
 */
@Component
public class PurchaseRules implements ProcessRules {

  /**
   * Longest supplier name, budget line, commitment number and tender reference: the purchase order's
   * columns (refused at input, not at the order placed once every approval is given).
   */
  static final int MAX_SUPPLIER_LENGTH = 1000;
  static final int MAX_REFERENCE_LENGTH = 200;
  /** Largest total the purchase order records (DECIMAL(14, 2)). */
  static final BigDecimal MAX_TOTAL_AMOUNT = new BigDecimal("999999999999.99");

  private final Directory directory;

  public PurchaseRules(Directory directory) {
    this.directory = directory;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public ReferenceType businessKeyType() {
    return ReferenceType.ACH;
  }

  @Override
  public Set<String> startVariables() {
    // requesterId: the engine's initiator, then the starter whatever was sent; the total: recomputed below
    return Set.of(ITEM_DESCRIPTION, QUANTITY, UNIT_PRICE_EUR, SUPPLIER, PEDAGOGICAL_JUSTIFICATION, BUDGET_LINE,
        REQUESTER_ID, TOTAL_AMOUNT_EUR);
  }

  @Override
  public Map<String, Set<String>> completionVariables() {
    return Map.of(
        GIVE_PEDAGOGICAL_OPINION, Set.of(OPINION_FAVOURABLE, OPINION_COMMENTS),
        APPROVE_AS_LAB_MANAGER, Set.of(LAB_MANAGER_APPROVED, LAB_MANAGER_COMMENTS),
        APPROVE_BUDGET, Set.of(BUDGET_APPROVED, BUDGET_COMMITMENT_NUMBER, TENDER_REFERENCE, BUDGET_COMMENTS),
        REGISTER_DELIVERY, Set.of(DELIVERED_ON, INVENTORY_NUMBER));
  }

  @Override
  public void checkStart(Inputs in) {
    String starter = in.currentUserId();
    if (starter != null) {
      // The starter is the requester, whatever the client sent: four eyes relies on it.
      in.set(REQUESTER_ID, starter);
    } else {
      in.requireText(REQUESTER_ID, "Demandeur");
    }
    in.requireText(ITEM_DESCRIPTION, "Matériel demandé");
    Integer quantity = in.requireInteger(QUANTITY, "Quantité", Integer.MIN_VALUE, Integer.MAX_VALUE);
    if (quantity < 1) {
      throw in.invalid(QUANTITY, "Quantité", "au moins 1 est attendu");
    }
    BigDecimal unitPrice = in.requirePositiveAmount(UNIT_PRICE_EUR, "Prix unitaire");
    in.requireText(SUPPLIER, "Fournisseur", MAX_SUPPLIER_LENGTH);
    in.requireText(PEDAGOGICAL_JUSTIFICATION, "Justification pédagogique");
    in.requireText(BUDGET_LINE, "Ligne budgétaire", MAX_REFERENCE_LENGTH);
    BigDecimal total = totalAmount(quantity, unitPrice);
    if (total.compareTo(MAX_TOTAL_AMOUNT) > 0) {
      throw in.invalid(QUANTITY, "Quantité", "le montant total (quantité × prix unitaire) dépasse ce qu'un bon de commande "
          + "peut enregistrer (999 999 999 999,99 €)");
    }
    in.set(TOTAL_AMOUNT_EUR, total.doubleValue());
  }

  /** Money: computed in decimal and rounded to the cent, so that 3 × 0,10 € is 0,30 € exactly. */
  static BigDecimal totalAmount(int quantity, BigDecimal unitPrice) {
    return unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP);
  }

  @Override
  public void checkCompletion(String taskKey, Inputs in) {
    if (DECISION_TASKS.contains(taskKey)) {
      refuseOwnRequest(taskKey, in);
    }
    switch (taskKey) {
      case GIVE_PEDAGOGICAL_OPINION -> {
        boolean favourable = in.requireBoolean(OPINION_FAVOURABLE, "Avis pédagogique favorable");
        decided(in, favourable, OPINION_COMMENTS, "Commentaires", "Avis pédagogique");
      }
      case APPROVE_AS_LAB_MANAGER -> {
        boolean approved = in.requireBoolean(LAB_MANAGER_APPROVED, "Achat validé pour le learning lab");
        decided(in, approved, LAB_MANAGER_COMMENTS, "Commentaires",
            "Validation par le responsable du learning lab");
      }
      case APPROVE_BUDGET -> {
        boolean approved = in.requireBoolean(BUDGET_APPROVED, "Budget approuvé");
        if (approved) {
          in.requireText(BUDGET_COMMITMENT_NUMBER, "Numéro d'engagement", MAX_REFERENCE_LENGTH);
          if (LEVEL_TENDER.equals(in.get(APPROVAL_LEVEL))) {
            in.requireText(TENDER_REFERENCE, "Référence de l'appel d'offres", MAX_REFERENCE_LENGTH);
          }
        }
        in.optionalText(TENDER_REFERENCE, "Référence de l'appel d'offres", MAX_REFERENCE_LENGTH);
        decided(in, approved, BUDGET_COMMENTS, "Commentaires", "Approbation budgétaire");
      }
      case REGISTER_DELIVERY -> {
        LocalDate deliveredOn = in.requireIsoDate(DELIVERED_ON, "Date de livraison");
        // the engine's clock, as the other date rules and the timers read it
        if (deliveredOn.isAfter(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault()))) {
          throw in.invalid(DELIVERED_ON, "Date de livraison", "la date ne peut pas être postérieure à aujourd'hui");
        }
        in.requireText(INVENTORY_NUMBER, "Numéro d'inventaire");
      }
      default -> { }
    }
  }

  /**
   * Four eyes at the claim too: a decision task never goes to the requester (a claim, an assignment
   * or a delegation), who could not complete it and would keep it from the others.
   */
  @Override
  public void checkAssignment(String taskKey, String assignee, Inputs in) {
    if (DECISION_TASKS.contains(taskKey) && assignee.equals(in.get(REQUESTER_ID))) {
      throw new ForbiddenActionException("La tâche « " + in.task().getName() + " » ne peut pas être attribuée à « "
          + assignee + " », qui a fait cette demande d'achat : une autre personne du groupe doit s'en charger.");
    }
  }

  /** Who completes the task: the authenticated user, else (engine-internal call) the assignee. */
  private static String actor(Inputs in) {
    return in.currentUserId() != null ? in.currentUserId() : in.task().getAssignee();
  }

  private static void refuseOwnRequest(String taskKey, Inputs in) {
    String actor = actor(in);
    if (actor != null && actor.equals(in.get(REQUESTER_ID))) {
      String what = switch (taskKey) {
        case GIVE_PEDAGOGICAL_OPINION -> "donner l'avis pédagogique sur";
        case APPROVE_BUDGET -> "approuver le budget de";
        default -> "valider";
      };
      throw new ForbiddenActionException("Vous ne pouvez pas " + what
          + " votre propre demande d'achat : une autre personne du groupe doit s'en charger.");
    }
  }

  /**
   * A refusal must say why (the reason goes to the requester); it records who refused and at which step
   * for the refusal mail. Comments stay optional on approval.
   */
  private void decided(Inputs in, boolean approved, String commentsVariable, String commentsLabel,
      String step) {
    if (approved) {
      in.optionalText(commentsVariable, commentsLabel);
      return;
    }
    String reason = in.optionalText(commentsVariable, commentsLabel);
    if (reason == null || reason.isEmpty()) {
      throw in.invalid(commentsVariable, commentsLabel,
          "obligatoires pour motiver un refus ou un avis défavorable (ils sont transmis au demandeur)");
    }
    String refusedBy = actor(in);
    in.set(REFUSED_BY, refusedBy);
    in.set(REFUSED_BY_NAME, directory.displayName(refusedBy));
    in.set(REFUSAL_STEP, step);
    in.set(REFUSAL_REASON, reason);
  }
}
