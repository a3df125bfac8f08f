package org.pedaflow.notification;

import org.pedaflow.platform.PedaflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

  /**
   * Jakarta Mail 2.1 looks its stream provider up with a {@code ServiceLoader} scan of the class path
   * for every multipart, body part and encoded header (jakartaee/mail-api#699, #861): about a third of
   * the CPU a mail cost. Naming the provider (Angus Mail's, the one on the class path) skips the scan.
   * Set once at start-up unless the operator set it.
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  /** SMTP when {@code spring.mail.host} is set (Spring Boot then provides the JavaMailSender), else the outbox. */
  @Bean
  MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, PedaflowProperties properties, Environment environment) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp != null) {
      LOG.info("Courriels envoyés par SMTP");
      return new SmtpTransport(smtp);
    }
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      LOG.info("Aucun serveur SMTP configuré (spring.mail.host) : courriels écrits dans {}", properties.outboxDir().toAbsolutePath());
    } else {
      // every mail step succeeds and nobody receives anything: say so where the operator looks
      LOG.warn("Aucun serveur SMTP configuré (SPRING_MAIL_HOST) : les courriels ne partent pas, ils sont écrits dans {}",
          properties.outboxDir().toAbsolutePath());
    }
    return new OutboxTransport(properties.outboxDir());
  }
}
