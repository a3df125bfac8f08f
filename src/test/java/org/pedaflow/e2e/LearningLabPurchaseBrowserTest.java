package org.pedaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.Api;
import org.pedaflow.test.Mails;

/**
 * {@code learning-lab-purchase} in Tasklist, as people do it: claire requests equipment, ines gives
 * the pedagogical opinion, lea approves for the lab, the order is placed, lea registers the delivery.
 */
class LearningLabPurchaseBrowserTest extends BrowserTest {

  static final String PROCESS = "Achat de matériel pour le learning lab";

  @Test
  void aTeacherRequestsEquipmentThatIsApprovedOrderedAndDelivered() throws Exception {
    String item = "Micro-casques USB " + UUID.randomUUID().toString().substring(0, 8);
    Tasklist tasklist = tasklist();

    tasklist.login("claire").startProcess(PROCESS);
    tasklist.type("Matériel demandé", item)
        .type("Fournisseur", "Audio Campus SARL")
        .type("Ligne budgétaire", "LL-2026-EQUIP")
        .type("Justification pédagogique", "Enregistrement de podcasts par les étudiants en TD.");
    // the total as French writes amounts: decimal comma, two decimals, thousands apart (no-break spaces)
    for (String[] amount : new String[][] {{"1000", "1234.56", "1 234 560,00 €"}, {"1", "0.05", "0,05 €"},
        {"3", "1500", "4 500,00 €"}, {"2", "120.5", "241,00 €"}}) {
      tasklist.type("Quantité", amount[0]).type("Prix unitaire", amount[1]);
      assertThat(tasklist.formText().replace('\u00a0', ' ')).contains("Montant total : " + amount[2]);
    }
    assertThat(tasklist.fieldErrors()).isEmpty();
    // form-js's messages of number fields (this field lets nobody type a third decimal), in French, by the
    // module Tasklist loaded, in this browser
    @SuppressWarnings("unchecked")
    List<String> french = (List<String>) browser().script("return import('/camunda/app/tasklist/scripts/"
        + "pedaflow-form-messages.js').then(m => arguments[0].map(m.translate));", List.of("Value is not a number.",
        "Value is expected to be an integer.", "Value is expected to have at most 2 decimal digits.",
        "Please select a valid value, the two nearest valid values are 10.12 and 10.13.", "Field is required.",
        "Another text."));
    assertThat(french).containsExactly("La valeur n'est pas un nombre.", "Un nombre entier est attendu.",
        "Au plus 2 chiffres après la virgule.",
        "Valeur non valide : les deux valeurs valides les plus proches sont 10.12 et 10.13.",
        "Ce champ est obligatoire.", null);
    browser().screenshot("demande-d-achat");
    tasklist.submitStartAndWait();

    HistoricProcessInstance instance = instanceWith("itemDescription", item);
    assertThat(instance.getBusinessKey()).matches("ACH-\\d{4}-\\d{4}");

    // ines: pedagogical opinion, from « Tâches de mes groupes »
    tasklist.login("ines").filter("Tâches de mes groupes").openTask("Donner l'avis pédagogique", item).claim()
        .check("Avis pédagogique favorable", true)
        .type("Commentaires", "Utile pour les TD d'expression orale.");
    // the request as the form shows it: amounts in French, the approval level in words, not its code
    assertThat(tasklist.formText()).contains("2 × 120,50 €", "Montant total : 241,00 €",
        "Niveau d'approbation : learning lab").doesNotContain("LAB", "FINANCE", "TENDER");
    browser().screenshot("avis-pedagogique");
    tasklist.completeAndWait();

    // lea, lab manager, approves (she may not read the instance: the list shows the item from the task's own copy)
    tasklist.login("lea").filter("Tâches de mes groupes").openTask("Valider l'achat pour le learning lab", item).claim()
        .check("Achat validé pour le learning lab", true);
    browser().screenshot("validation-learning-lab");
    tasklist.completeAndWait();

    // the order is placed (asynchronous step), then lea registers the delivery
    awaitJobs(instance.getId());
    LocalDate today = LocalDate.now();
    tasklist.login("lea").filter("Tâches de mes groupes").openTask("Enregistrer la livraison", item).claim()
        .type("Numéro d'inventaire", "INV-LL-0042")
        .date("Date de livraison", today);
    browser().screenshot("livraison");
    // the date picker of Camunda Forms reads month/day/year whatever the language: the form says so
    assertThat(tasklist.formText()).contains("mm/jj/aaaa");
    tasklist.completeAndWait();

    awaitJobs(instance.getId());
    Api.Response restInstance = rest("admin").get("/history/process-instance/" + instance.getId());
    assertThat(restInstance.json().get("businessKey").asText()).isEqualTo(instance.getBusinessKey());
    assertThat(restInstance.json().get("state").asText()).isEqualTo("COMPLETED");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getEndActivityId()).isEqualTo("EquipmentAvailable");

    Map<String, JsonNode> variables = restVariablesOf(instance.getId());
    assertVariable(variables, "requesterId", "String", "claire");
    assertVariable(variables, "quantity", "Integer", 2);
    assertVariable(variables, "unitPriceEur", "Double", 120.5);
    assertVariable(variables, "totalAmountEur", "Double", 241.0);
    assertVariable(variables, "approvalLevel", "String", "LAB");
    assertVariable(variables, "opinionFavourable", "Boolean", true);
    assertVariable(variables, "labManagerApproved", "Boolean", true);
    assertVariable(variables, "deliveredOn", "String", today);
    assertVariable(variables, "inventoryNumber", "String", "INV-LL-0042");
    assertVariable(variables, "purchaseOrderNumber", "String", null);
    String orderNumber = variables.get("purchaseOrderNumber").get("value").asText();
    assertThat(orderNumber).matches("PO-\\d{4}-\\d{4}");

    List<MimeMessage> toClaire = Mails.to(greenMail.getReceivedMessages(), "claire@univ.example");
    assertThat(toClaire).hasSize(1);
    assertThat(Mails.subject(toClaire.get(0))).contains(instance.getBusinessKey()).contains(orderNumber);
  }
}
