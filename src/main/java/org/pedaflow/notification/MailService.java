package org.pedaflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pedaflow.notification.MailTemplates.RenderedMail;
import org.pedaflow.platform.PedaflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * The one way Pedaflow sends e-mail: a template of {@code templates/mail/}, rendered in French as
 * text and HTML for each recipient, sent through the {@link MailTransport}. A failure is thrown, so
 * that the calling job is retried and ends as an incident in Cockpit instead of losing the message.
 */
@Service
public class MailService {

  private static final Logger LOG = LoggerFactory.getLogger(MailService.class);

  private final MailTemplates templates;
  private final MailTransport transport;
  private final Recipients recipients;
  private final MailLedger ledger;
  private final PedaflowProperties properties;

  public MailService(MailTemplates templates, MailTransport transport, Recipients recipients, MailLedger ledger,
      PedaflowProperties properties) {
    this.templates = templates;
    this.transport = transport;
    this.recipients = recipients;
    this.ledger = ledger;
    this.properties = properties;
  }

  /** Sends at once, without protection against a second send. */
  public void send(String template, String mailTo, Map<String, Object> model) {
    send(template, mailTo, model, null);
  }

  /**
   * Sends once per {@code idempotencyKey} and recipient: a retry with the same key skips the
   * recipients who already received the message.
   */
  public void send(String template, String mailTo, Map<String, Object> model, String idempotencyKey) {
    List<Recipient> to = recipients.resolve(mailTo);
    Object reference = model.getOrDefault("businessKey", "");
    for (Recipient recipient : to) {
      String key = idempotencyKey == null ? null : idempotencyKey + "|" + recipient.address();
      if (key != null && ledger.alreadySent(key)) {
        LOG.info("{} : courriel « {} » déjà envoyé à {}, pas de second envoi", reference, template, recipient.address());
        continue;
      }
      Map<String, Object> personal = new HashMap<>(model);
      personal.put("recipientName", recipient.name());
      RenderedMail mail = templates.render(template, personal);
      transport.send(toMimeMessage(mail, recipient, reference));
      if (key != null) {
        ledger.recordSent(key, recipient.address(), mail.subject());
      }
      LOG.info("{} : courriel « {} » envoyé à {}", reference, mail.subject(), recipient.address());
    }
  }

  private MimeMessage toMimeMessage(RenderedMail mail, Recipient recipient, Object reference) {
    try {
      MimeMessage message = transport.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.getMail().getFrom());
      if (recipient.name() == null || recipient.name().isBlank()) {
        helper.setTo(recipient.address());
      } else {
        helper.setTo(new jakarta.mail.internet.InternetAddress(recipient.address(), recipient.name(), "UTF-8"));
      }
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      if (reference != null && !reference.toString().isEmpty()) {
        message.setHeader("X-Pedaflow-Reference", reference.toString());
      }
      return message;
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new MailSendException("Courriel impossible à composer pour " + recipient.address(), e);
    }
  }
}
