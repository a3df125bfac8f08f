package org.pedaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.Mails;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** French e-mails through real SMTP (GreenMail): subject, recipient resolution, link, no double send. */
class MailServiceTest extends PedaflowIntegrationTest {

  @Autowired MailService mailService;
  @Autowired Links links;

  @Test
  void aMailToAUserArrivesWithItsFrenchSubjectAndTheTaskLink() throws Exception {
    mailService.send("platform-check", "claire", Map.of("businessKey", "HYB-2026-0007", "taskUrl", links.task("t-42")));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("HYB-2026-0007 – Vérification de la messagerie Pedaflow");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("Claire Dubois <claire@univ.example>");
    assertThat(Mails.text(received[0])).contains("Bonjour Claire Dubois")
        .contains("http://pedaflow.test/camunda/app/tasklist/default/#/?task=t-42");
    assertThat(Mails.html(received[0])).contains("href=\"http://pedaflow.test/camunda/app/tasklist/default/#/?task=t-42\"");
  }

  @Test
  void aMailToAGroupReachesEveryMember() {
    mailService.send("platform-check", "group:labelling-committee", Map.of("businessKey", "HYB-2026-0008", "taskUrl", "x"));

    assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactlyInAnyOrder("Hugo Bernard <hugo@univ.example>", "Sophie Moreau <sophie@univ.example>");
  }

  @Test
  void theSameKeyIsNeverSentTwice() {
    String key = "instance-" + UUID.randomUUID() + ":NotifyStep:0";
    mailService.send("platform-check", "thomas", Map.of("businessKey", "ONB-2026-0001", "taskUrl", "x"), key);
    mailService.send("platform-check", "thomas", Map.of("businessKey", "ONB-2026-0001", "taskUrl", "x"), key);

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anUnknownRecipientOrTemplateFailsLoudly() {
    assertThatThrownBy(() -> mailService.send("platform-check", "nobody-here", Map.of()))
        .hasMessageContaining("Destinataire inconnu");
    assertThatThrownBy(() -> mailService.send("no-such-template", "claire", Map.of()))
        .hasMessageContaining("Modèle de courriel inconnu");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }
}
