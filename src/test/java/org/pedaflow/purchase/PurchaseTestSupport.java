package org.pedaflow.purchase;

import static org.pedaflow.purchase.PurchaseProcess.*;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pedaflow.test.Mails;

/** Requests and mail look-up shared by the purchase tests. */
public final class PurchaseTestSupport {

  private PurchaseTestSupport() {}

  /** A complete, valid start of {@code learning-lab-purchase}. */
  public static Map<String, Object> request(int quantity, double unitPriceEur) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ITEM_DESCRIPTION, "Imprimante 3D Prusa MK4 pour le fablab");
    variables.put(QUANTITY, quantity);
    variables.put(UNIT_PRICE_EUR, unitPriceEur);
    variables.put(SUPPLIER, "Prusa Research");
    variables.put(PEDAGOGICAL_JUSTIFICATION, "Prototypage en travaux pratiques de design produit (L2)");
    variables.put(BUDGET_LINE, "LL-2026-EQUIPEMENT");
    return variables;
  }

  /** The messages one address received about one instance (header set by the mail service). */
  static List<MimeMessage> mails(GreenMail greenMail, String businessKey, String address) {
    return Mails.to(greenMail.getReceivedMessages(), address).stream()
        .filter(message -> businessKey.equals(reference(message)))
        .toList();
  }

  private static String reference(MimeMessage message) {
    try {
      return message.getHeader("X-Pedaflow-Reference", null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
