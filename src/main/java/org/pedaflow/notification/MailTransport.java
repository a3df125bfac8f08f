package org.pedaflow.notification;

import jakarta.mail.internet.MimeMessage;

/** Where a finished message goes: an SMTP relay, or the outbox directory when none is configured. */
public interface MailTransport {

  MimeMessage createMimeMessage();

  void send(MimeMessage message);
}
