package org.pedaflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Without an SMTP relay, every message is written as an {@code .eml} file in the outbox directory. */
class OutboxTransport implements MailTransport {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final Path outbox;
  /**
   * Only a factory of messages, never used to send: its messages share one session and one table of
   * file types (a bare {@code MimeMessage} would make Spring's helper load that table for every mail).
   */
  private final JavaMailSenderImpl messages = new JavaMailSenderImpl();

  OutboxTransport(Path outbox) {
    this.outbox = outbox;
  }

  Path outbox() {
    return outbox;
  }

  @Override
  public MimeMessage createMimeMessage() {
    return messages.createMimeMessage();
  }

  @Override
  public void send(MimeMessage message) {
    try {
      Files.createDirectories(outbox);
      message.saveChanges();
      String name = STAMP.format(LocalDateTime.now()) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
      Path partial = outbox.resolve(name + ".part");
      // buffered: the message writes itself line by line, which would otherwise be one system call per line
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 16 * 1024)) {
        message.writeTo(out);
      }
      Files.move(partial, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | MessagingException e) {
      throw new MailSendException("Impossible d'écrire le courriel dans " + outbox, e);
    }
  }
}
