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
 * {@code teacher-onboarding} in Tasklist, as people do it: nadia (HR) welcomes thomas, ines becomes
 * his mentor, thomas answers the questionnaire, ines holds the welcome meeting, thomas rates it.
 */
class TeacherOnboardingBrowserTest extends BrowserTest {

  static final String PROCESS = "Accueil d'un nouvel enseignant";

  @Test
  void hrWelcomesATeacherWhoGetsAMentorAMeetingAndTheLmsTraining() throws Exception {
    String name = "Thomas Martin " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now();
    Tasklist tasklist = tasklist();

    tasklist.login("nadia").startProcess(PROCESS);
    tasklist.type("Identifiant de l'enseignant", "thomas")
        .type("Prénom et nom", name)
        .type("Adresse électronique", "thomas@univ.example")
        .type("Composante ou département", "UFR Langues")
        .select("Statut", "Contractuel")
        .check("Formation au LMS à prévoir", true)
        .date("Date de prise de fonction", today);
    browser().screenshot("accueil-formulaire");
    tasklist.submitStartAndWait();

    HistoricProcessInstance instance = instanceWith("teacherName", name);
    assertThat(instance.getBusinessKey()).matches("ONB-\\d{4}-\\d{4}");
    awaitJobs(instance.getId());

    // ines takes the mentoring from « Tâches de mes groupes » and names herself
    tasklist.login("ines").filter("Tâches de mes groupes").openTask("Désigner un mentor", name).claim()
        .type("Identifiant du mentor", "ines");
    // the start date as French writes it
    assertThat(tasklist.formText()).contains("prise de fonction : "
        + today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    browser().screenshot("mentor");
    tasklist.completeAndWait();

    // thomas finds his questionnaire in « Mes tâches »
    tasklist.login("thomas").filter("Mes tâches").openTaskWhoseFormShows("Remplir le questionnaire de besoins", "");
    tasklist.choose("Aucune")
        .check("Enseignement hybride", true)
        .check("Classe inversée", true)
        .check("Je souhaite être accompagné(e)", true);
    browser().screenshot("questionnaire");
    tasklist.completeAndWait();

    // ines holds the welcome meeting, in « Mes tâches »
    tasklist.login("ines").filter("Mes tâches").openTask("Tenir l'entretien d'accueil", name)
        .type("Plan de formation", "Atelier Moodle, puis accompagnement vers le label.")
        .date("Date de l'entretien", today);
    browser().screenshot("entretien");
    tasklist.completeAndWait();
    awaitJobs(instance.getId());

    // thomas rates his welcome
    tasklist.login("thomas").filter("Mes tâches").openTaskWhoseFormShows("Évaluer l'accueil", "")
        .type("Commentaire", "Accueil chaleureux.")
        .type("Satisfaction", "5");
    browser().screenshot("evaluation");
    tasklist.completeAndWait();

    awaitJobs(instance.getId());
    Api.Response restInstance = rest("admin").get("/history/process-instance/" + instance.getId());
    assertThat(restInstance.json().get("businessKey").asText()).isEqualTo(instance.getBusinessKey());
    assertThat(restInstance.json().get("state").asText()).isEqualTo("COMPLETED");

    Map<String, JsonNode> variables = restVariablesOf(instance.getId());
    assertVariable(variables, "teacherId", "String", "thomas");
    assertVariable(variables, "status", "String", "contractuel");
    assertVariable(variables, "startDate", "String", today);
    assertVariable(variables, "needsLmsTraining", "Boolean", true);
    assertVariable(variables, "mentorId", "String", "ines");
    assertVariable(variables, "lmsExperience", "String", "none");
    assertVariable(variables, "interests", "String", "hybrid,flipped-classroom");
    assertVariable(variables, "wantsLabelSupport", "Boolean", true);
    assertVariable(variables, "meetingDate", "String", today);
    assertVariable(variables, "satisfaction", "Integer", 5);

    List<MimeMessage> toThomas = Mails.to(greenMail.getReceivedMessages(), "thomas@univ.example");
    assertThat(toThomas).extracting(Mails::subject).anyMatch(s -> s.startsWith("Bienvenue")).anyMatch(s -> s.contains("formation au LMS"));
  }
}
