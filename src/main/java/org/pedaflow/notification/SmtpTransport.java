package org.pedaflow.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the SMTP relay configured with {@code spring.mail.*}. */
class SmtpTransport implements MailTransport {

  private final JavaMailSender sender;

  SmtpTransport(JavaMailSender sender) {
    this.sender = sender;
  }

  @Override
  public MimeMessage createMimeMessage() {
    return sender.createMimeMessage();
  }

  @Override
  public void send(MimeMessage message) {
    sender.send(message);
  }
}
