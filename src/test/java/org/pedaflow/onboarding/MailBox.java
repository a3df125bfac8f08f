package org.pedaflow.onboarding;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What GreenMail received, read the way a person reads it: per recipient, subject and plain text. */
final class MailBox {

  private MailBox() {}

  static List<MimeMessage> to(GreenMail greenMail, String address) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(message -> recipients(message).stream().anyMatch(address::equalsIgnoreCase))
        .toList();
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/plain alternative of a message, decoded. */
  static String text(MimeMessage message) {
    try {
      String text = findText(message);
      return text == null ? "" : text;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String findText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = findText(child);
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .map(address -> address instanceof jakarta.mail.internet.InternetAddress internet ? internet.getAddress()
              : address.toString())
          .toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
