package org.pedaflow.purchase;

import static org.pedaflow.purchase.PurchaseProcess.*;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.icegreen.greenmail.util.GreenMail;

/** Requests and mail reading shared by the purchase tests. */
final class PurchaseTestSupport {

  private PurchaseTestSupport() {}

  /** A complete, valid start of {@code learning-lab-purchase}. */
  static Map<String, Object> request(int quantity, double unitPriceEur) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ITEM_DESCRIPTION, "Imprimante 3D Prusa MK4 pour le fablab");
    variables.put(QUANTITY, quantity);
    variables.put(UNIT_PRICE_EUR, unitPriceEur);
    variables.put(SUPPLIER, "Prusa Research");
    variables.put(PEDAGOGICAL_JUSTIFICATION, "Prototypage en travaux pratiques de design produit (L2)");
    variables.put(BUDGET_LINE, "LL-2026-EQUIPEMENT");
    return variables;
  }

  static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> copy = new HashMap<>(variables);
    copy.put(name, value);
    return copy;
  }

  static Map<String, Object> without(Map<String, Object> variables, String name) {
    Map<String, Object> copy = new HashMap<>(variables);
    copy.remove(name);
    return copy;
  }

  /** Every message received for one instance (header set by the mail service), to one address. */
  static List<MimeMessage> mails(GreenMail greenMail, String businessKey, String address) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(message -> businessKey.equals(header(message, "X-Pedaflow-Reference")))
        .filter(message -> recipients(message).contains(address))
        .toList();
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The decoded text/plain part of a message. */
  static String plainText(Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String text = plainText(child);
          if (text != null) {
            return text;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
