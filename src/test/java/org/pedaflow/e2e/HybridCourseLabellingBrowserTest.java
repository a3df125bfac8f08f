package org.pedaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.Api;
import org.pedaflow.test.Mails;

/**
 * {@code hybrid-course-labelling} in Tasklist, as people do it: claire applies with the start form,
 * ines reviews the course from « Tâches de mes groupes », hugo grants the label; then the form that
 * refuses bad input on the page, and the rule the form cannot express refused by the server.
 */
class HybridCourseLabellingBrowserTest extends BrowserTest {

  static final String PROCESS = "Labellisation d'un cours hybride";
  static final String REVIEW = "Analyser la scénarisation pédagogique";
  static final String DECIDE = "Statuer sur l'attribution du label";

  @Test
  void aTeacherAppliesADesignerReviewsAndTheCommitteeGrantsTheLabel() throws Exception {
    String title = "Histoire de l'Europe moderne " + UUID.randomUUID().toString().substring(0, 8);
    Tasklist tasklist = tasklist();

    // claire applies: « Démarrer un processus », the French start form, « Démarrer »
    tasklist.login("claire").startProcess(PROCESS);
    browser().screenshot("formulaire-de-demande-vide");
    // text fields first: a value typed right after a number field can be lost (see Tasklist#type)
    tasklist.type("Intitulé du cours", title)
        .type("Code du cours", "HIS-L2-104")
        .type("Formation", "Licence d'histoire")
        .type("Adresse de l'espace de cours", "https://moodle.univ.example/course/view.php?id=104")
        .type("Crédits ECTS", "6")
        .type("Part des heures à distance", "40");
    browser().screenshot("formulaire-de-demande");
    tasklist.submitStartAndWait();
    browser().screenshot("demande-deposee");

    HistoricProcessInstance instance = instanceWith("courseTitle", title);
    assertThat(instance.getBusinessKey()).matches("HYB-\\d{4}-\\d{4}");
    assertThat(instance.getStartUserId()).isEqualTo("claire");

    // ines finds the review in « Tâches de mes groupes », claims it, fills the grid, approves
    tasklist.login("ines").filter("Tâches de mes groupes");
    browser().screenshot("taches-de-mes-groupes");
    tasklist.openTask(REVIEW, title);
    browser().screenshot("analyse-non-reclamee");
    tasklist.claim()
        .choose("Approuver : transmettre au comité avec un avis favorable")
        .type("Commentaires", "Scénarisation claire, activités variées.")
        .type("Note d'alignement pédagogique", "3")
        .type("Note des activités à distance", "2")
        .type("Note d'évaluation et de rétroaction", "2")
        .type("Note d'accessibilité et d'ergonomie", "3");
    browser().screenshot("analyse-remplie");
    tasklist.completeAndWait();
    browser().screenshot("analyse-terminee");

    // hugo, of the committee, grants the label
    // (the committee may not read the instances: the list shows the course from the task's own copy of it,
    // identity/TaskListContext)
    tasklist.login("hugo").filter("Tâches de mes groupes");
    browser().screenshot("liste-du-comite");
    tasklist.openTask(DECIDE, title).claim()
        .choose("Attribuer le label")
        .type("Commentaires du comité", "Label attribué à l'unanimité.");
    browser().screenshot("decision-remplie");
    tasklist.completeAndWait();
    browser().screenshot("decision-terminee");

    // the process state over REST: ended with the label, every variable with its SPEC type
    awaitJobs(instance.getId());
    HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(ended.getEndActivityId()).isEqualTo("LabelGranted");
    Api.Response restInstance = rest("admin").get("/history/process-instance/" + instance.getId());
    assertThat(restInstance.json().get("businessKey").asText()).isEqualTo(instance.getBusinessKey());
    assertThat(restInstance.json().get("state").asText()).isEqualTo("COMPLETED");

    Map<String, JsonNode> variables = restVariablesOf(instance.getId());
    assertVariable(variables, "teacherId", "String", "claire");
    assertVariable(variables, "courseTitle", "String", title);
    assertVariable(variables, "ects", "Integer", 6);
    assertVariable(variables, "distanceSharePercent", "Integer", 40);
    assertVariable(variables, "eligible", "Boolean", true);
    assertVariable(variables, "scoreAlignment", "Integer", 3);
    assertVariable(variables, "scoreActivities", "Integer", 2);
    assertVariable(variables, "scoreAssessment", "Integer", 2);
    assertVariable(variables, "scoreAccessibility", "Integer", 3);
    assertVariable(variables, "recommendation", "String", "approve");
    assertVariable(variables, "labelDecision", "String", "granted");
    assertVariable(variables, "labelNumber", "String", null);
    assertThat(variables.get("labelNumber").get("value").asText()).matches("LABEL-\\d{4}-\\d{4}");
    assertVariable(variables, "labelValidUntil", "String", LocalDate.now().plusYears(3));

    // the e-mail claire receives
    List<MimeMessage> toClaire = Mails.to(greenMail.getReceivedMessages(), "claire@univ.example");
    assertThat(toClaire).hasSize(1);
    assertThat(Mails.subject(toClaire.get(0))).contains(variables.get("labelNumber").get("value").asText()).contains(title);
    assertThat(Mails.text(toClaire.get(0))).contains(instance.getBusinessKey());
  }

  @Test
  void theStartFormRefusesBadInputOnThePage() {
    String title = "Cours refusé par le formulaire " + UUID.randomUUID().toString().substring(0, 8);
    Tasklist tasklist = tasklist();
    tasklist.login("claire").startProcess(PROCESS);
    tasklist.type("Intitulé du cours", title)
        .type("Code du cours", "HIS-L2-105")
        .type("Formation", "Licence d'histoire")
        .type("Adresse de l'espace de cours", "moodle.univ.example/cours")
        .type("Crédits ECTS", "90")
        .type("Part des heures à distance", "150");
    browser().screenshot("formulaire-invalide");

    // the form's own checks, in French (scripts/pedaflow-form-messages.js), not form-js's English
    assertThat(tasklist.fieldErrors()).containsExactly("La valeur doit être au plus 60.", "La valeur doit être au plus 100.",
        "La valeur n'a pas le format attendu (voir l'aide sous le champ).");
    assertThat(tasklist.startEnabled()).as("« Démarrer » stays disabled while the form is invalid").isFalse();
    tasklist.closeStartForm();
    assertThat(historyService.createHistoricVariableInstanceQuery().variableValueEquals("courseTitle", title).count()).isZero();
  }

  @Test
  void theServerRefusesARevisionRequestWithoutCommentsWithAReadableMessage() {
    String title = "Didactique des langues " + UUID.randomUUID().toString().substring(0, 8);
    Api.Response started = rest("claire").post("/process-definition/key/hybrid-course-labelling/submit-form", Map.of("variables", Map.of(
        "courseTitle", Map.of("value", title), "courseCode", Map.of("value", "LAN-M1-201"),
        "program", Map.of("value", "Master FLE"), "ects", Map.of("value", 4, "type", "Long"),
        "distanceSharePercent", Map.of("value", 50, "type", "Long"),
        "lmsCourseUrl", Map.of("value", "https://moodle.univ.example/course/view.php?id=201"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();

    // ines asks for a revision without saying why: the form cannot require the comments only then
    Tasklist tasklist = tasklist();
    tasklist.login("ines").filter("Tâches de mes groupes").openTask(REVIEW, title).claim()
        .choose("Demander une révision à l'enseignant")
        .type("Note d'alignement pédagogique", "1")
        .type("Note des activités à distance", "1")
        .type("Note d'évaluation et de rétroaction", "2")
        .type("Note d'accessibilité et d'ergonomie", "1");
    tasklist.complete();
    String message = tasklist.errorMessage();
    browser().screenshot("refus-du-serveur");
    assertThat(message).isEqualTo("« Commentaires » (reviewComments) : ce champ est obligatoire.");
    Task review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewPedagogicalDesign");
    assertThat(runtimeService.getVariables(instanceId)).doesNotContainKey("recommendation");

    // with the comments the same form goes through, and the revision goes to claire
    tasklist.dismissNotifications();
    tasklist.type("Commentaires", "Précisez les objectifs de chaque séquence à distance.");
    tasklist.completeAndWait();
    Task revision = browser().until(d -> taskService.createTaskQuery().processInstanceId(instanceId).taskAssignee("claire").singleResult());
    assertThat(revision.getTaskDefinitionKey()).isEqualTo("ReviseCourse");
    assertThat(runtimeService.getVariable(instanceId, "scoreAlignment")).isEqualTo(1);
  }
}
