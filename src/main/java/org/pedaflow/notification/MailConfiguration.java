package org.pedaflow.notification;

import org.pedaflow.platform.PedaflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

  /** SMTP when {@code spring.mail.host} is set (Spring Boot then provides the JavaMailSender), else the outbox. */
  @Bean
  MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, PedaflowProperties properties) {
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp != null) {
      LOG.info("Courriels envoyés par SMTP");
      return new SmtpTransport(smtp);
    }
    LOG.info("Aucun serveur SMTP configuré (spring.mail.host) : courriels écrits dans {}", properties.outboxDir().toAbsolutePath());
    return new OutboxTransport(properties.outboxDir());
  }
}
