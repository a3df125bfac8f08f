package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.pedaflow.test.WebappSession;

/**
 * Bad input on every start and every completion of the three processes, over REST (both
 * {@code start}/{@code complete} and {@code submit-form}) and over the webapps' API that Tasklist
 * calls: every rule of SPEC §3, wrong types, missing variables, malformed JSON, unknown variable
 * types and a 1 MB text. Each is answered 400 with a French message (naming the field when there is
 * one), in the shape {@code {"type", "message"[, "field"]}}, with no stack trace, Java class name or
 * SQL; nothing is persisted: no new instance, the task still open, its variables unchanged.
 *
 * <p>Each row changes one variable of a valid payload, so exactly one rule is broken.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class BadInputTest extends PedaflowIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ONE_MEGABYTE = "x".repeat(1024 * 1024);
  private static final String TODAY = LocalDate.now().toString();

  /** Where a request goes: a start (task null) or the completion of one kind of task. */
  enum Target {
    LABELLING_START("hybrid-course-labelling", null, "claire"),
    REVIEW_PEDAGOGICAL_DESIGN("hybrid-course-labelling", "ReviewPedagogicalDesign", "admin"),
    REVISE_COURSE("hybrid-course-labelling", "ReviseCourse", "admin"),
    DECIDE_LABEL("hybrid-course-labelling", "DecideLabel", "admin"),
    PURCHASE_START("learning-lab-purchase", null, "claire"),
    GIVE_PEDAGOGICAL_OPINION("learning-lab-purchase", "GivePedagogicalOpinion", "admin"),
    APPROVE_AS_LAB_MANAGER("learning-lab-purchase", "ApproveAsLabManager", "admin"),
    APPROVE_BUDGET("learning-lab-purchase", "ApproveBudget", "admin"),
    REGISTER_DELIVERY("learning-lab-purchase", "RegisterDelivery", "admin"),
    ONBOARDING_START("teacher-onboarding", null, "nadia"),
    ASSIGN_MENTOR("teacher-onboarding", "AssignMentor", "admin"),
    COMPLETE_NEEDS_QUESTIONNAIRE("teacher-onboarding", "CompleteNeedsQuestionnaire", "admin"),
    HOLD_WELCOME_MEETING("teacher-onboarding", "HoldWelcomeMeeting", "admin"),
    RATE_ONBOARDING("teacher-onboarding", "RateOnboarding", "admin");

    final String processKey;
    final String taskKey;
    final String user;

    Target(String processKey, String taskKey, String user) {
      this.processKey = processKey;
      this.taskKey = taskKey;
      this.user = user;
    }

    boolean isStart() {
      return taskKey == null;
    }

    /** A payload this target accepts; each row breaks one thing of it. */
    Map<String, Object> valid() {
      Map<String, Object> v = new LinkedHashMap<>();
      switch (this) {
        case LABELLING_START -> {
          v.put("courseTitle", "Statistique appliquée");
          v.put("courseCode", "STA-101");
          v.put("program", "Licence de psychologie");
          v.put("ects", 5);
          v.put("distanceSharePercent", 50);
          v.put("lmsCourseUrl", "https://moodle.univ.example/course/view.php?id=1");
        }
        case REVIEW_PEDAGOGICAL_DESIGN -> {
          v.put("scoreAlignment", 2);
          v.put("scoreActivities", 2);
          v.put("scoreAssessment", 2);
          v.put("scoreAccessibility", 2);
          v.put("recommendation", "revise");
          v.put("reviewComments", "Les activités à distance sont à étoffer.");
        }
        case REVISE_COURSE -> v.put("revisionNotes", "Quiz ajoutés à chaque séquence.");
        case DECIDE_LABEL -> {
          v.put("labelDecision", "refused");
          v.put("decisionComments", "Évaluation insuffisante.");
        }
        case PURCHASE_START -> {
          v.put("itemDescription", "Casques de réalité virtuelle");
          v.put("quantity", 3);
          v.put("unitPriceEur", 450.0);
          v.put("supplier", "Fournisseur SA");
          v.put("pedagogicalJustification", "Travaux pratiques immersifs.");
          v.put("budgetLine", "LAB-2026");
        }
        case GIVE_PEDAGOGICAL_OPINION -> {
          v.put("opinionFavourable", false);
          v.put("opinionComments", "Usage pédagogique peu clair.");
        }
        case APPROVE_AS_LAB_MANAGER -> {
          v.put("labManagerApproved", false);
          v.put("labManagerComments", "Matériel déjà disponible.");
        }
        case APPROVE_BUDGET -> {
          v.put("budgetApproved", true);
          v.put("budgetCommitmentNumber", "ENG-2026-0042");
        }
        case REGISTER_DELIVERY -> {
          v.put("deliveredOn", TODAY);
          v.put("inventoryNumber", "INV-0042");
        }
        case ONBOARDING_START -> {
          v.put("teacherId", "thomas");
          v.put("teacherName", "Thomas Martin");
          v.put("teacherEmail", "thomas@univ.example");
          v.put("department", "Psychologie");
          v.put("status", "contractuel");
          v.put("startDate", TODAY);
          v.put("needsLmsTraining", false);
        }
        case ASSIGN_MENTOR -> v.put("mentorId", "ines");
        case COMPLETE_NEEDS_QUESTIONNAIRE -> {
          v.put("lmsExperience", "basic");
          v.put("interests", "hybrid,assessment");
          v.put("wantsLabelSupport", false);
        }
        case HOLD_WELCOME_MEETING -> {
          v.put("meetingDate", TODAY);
          v.put("trainingPlan", "Deux ateliers Moodle.");
          v.put("enrolInLmsTraining", false);
        }
        case RATE_ONBOARDING -> v.put("satisfaction", 4);
        default -> throw new IllegalStateException(name());
      }
      return v;
    }

    /** A text variable of this target, for the 1 MB string. */
    String textField() {
      return valid().entrySet().stream().filter(e -> e.getValue() instanceof String s && !s.equals(TODAY))
          .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** A numeric or Boolean variable of this target, for wrong types. */
    String numberField() {
      return valid().entrySet().stream().filter(e -> e.getValue() instanceof Number)
          .map(Map.Entry::getKey).findFirst().orElse(null);
    }
  }

  /** Ids of one waiting task of each kind, prepared once per run (refused requests change nothing). */
  private static final Map<Target, String> TASKS = new EnumMap<>(Target.class);

  static Stream<Arguments> badInput() {
    List<Arguments> rows = new ArrayList<>();
    // SPEC §3.2 — hybrid-course-labelling
    Target t = Target.LABELLING_START;
    rows.add(row(t, "intitulé vide", with(t, "courseTitle", "   "), "courseTitle"));
    rows.add(row(t, "code absent", without(t, "courseCode"), "courseCode"));
    rows.add(row(t, "formation vide", with(t, "program", ""), "program"));
    rows.add(row(t, "ECTS 0", with(t, "ects", 0), "ects"));
    rows.add(row(t, "ECTS 61", with(t, "ects", 61), "ects"));
    rows.add(row(t, "ECTS décimal", with(t, "ects", 2.5), "ects"));
    rows.add(row(t, "part à distance -1", with(t, "distanceSharePercent", -1), "distanceSharePercent"));
    rows.add(row(t, "part à distance 101", with(t, "distanceSharePercent", 101), "distanceSharePercent"));
    rows.add(row(t, "URL ftp", with(t, "lmsCourseUrl", "ftp://moodle.univ.example/c/1"), "lmsCourseUrl"));
    rows.add(row(t, "URL sans schéma", with(t, "lmsCourseUrl", "moodle.univ.example"), "lmsCourseUrl"));
    t = Target.REVIEW_PEDAGOGICAL_DESIGN;
    for (String score : List.of("scoreAlignment", "scoreActivities", "scoreAssessment", "scoreAccessibility")) {
      rows.add(row(t, score + " 4", with(t, score, 4), score));
      rows.add(row(t, score + " -1", with(t, score, -1), score));
      rows.add(row(t, score + " absent", without(t, score), score));
    }
    rows.add(row(t, "recommandation inconnue", with(t, "recommendation", "maybe"), "recommendation"));
    rows.add(row(t, "révision sans commentaire", without(t, "reviewComments"), "reviewComments"));
    rows.add(row(t, "rejet sans commentaire", with(without(t, "reviewComments"), "recommendation", "reject"), "reviewComments"));
    t = Target.REVISE_COURSE;
    rows.add(row(t, "notes absentes", without(t, "revisionNotes"), "revisionNotes"));
    rows.add(row(t, "notes vides", with(t, "revisionNotes", " "), "revisionNotes"));
    t = Target.DECIDE_LABEL;
    rows.add(row(t, "décision inconnue", with(t, "labelDecision", "perhaps"), "labelDecision"));
    rows.add(row(t, "décision absente", without(t, "labelDecision"), "labelDecision"));
    rows.add(row(t, "refus sans commentaire", without(t, "decisionComments"), "decisionComments"));
    // SPEC §3.3 — learning-lab-purchase
    t = Target.PURCHASE_START;
    rows.add(row(t, "matériel vide", with(t, "itemDescription", ""), "itemDescription"));
    rows.add(row(t, "quantité 0", with(t, "quantity", 0), "quantity"));
    rows.add(row(t, "quantité décimale", with(t, "quantity", 1.5), "quantity"));
    rows.add(row(t, "prix 0", with(t, "unitPriceEur", 0), "unitPriceEur"));
    rows.add(row(t, "prix négatif", with(t, "unitPriceEur", -3.5), "unitPriceEur"));
    rows.add(row(t, "prix en lettres", with(t, "unitPriceEur", "cent euros"), "unitPriceEur"));
    rows.add(row(t, "fournisseur absent", without(t, "supplier"), "supplier"));
    rows.add(row(t, "justification vide", with(t, "pedagogicalJustification", " "), "pedagogicalJustification"));
    rows.add(row(t, "ligne budgétaire absente", without(t, "budgetLine"), "budgetLine"));
    t = Target.GIVE_PEDAGOGICAL_OPINION;
    rows.add(row(t, "avis absent", without(t, "opinionFavourable"), "opinionFavourable"));
    rows.add(row(t, "avis « peut-être »", with(t, "opinionFavourable", "peut-être"), "opinionFavourable"));
    rows.add(row(t, "avis défavorable non motivé", without(t, "opinionComments"), "opinionComments"));
    t = Target.APPROVE_AS_LAB_MANAGER;
    rows.add(row(t, "validation absente", without(t, "labManagerApproved"), "labManagerApproved"));
    rows.add(row(t, "refus non motivé", without(t, "labManagerComments"), "labManagerComments"));
    t = Target.APPROVE_BUDGET;
    rows.add(row(t, "approbation absente", without(t, "budgetApproved"), "budgetApproved"));
    rows.add(row(t, "approuvé sans numéro d'engagement", without(t, "budgetCommitmentNumber"), "budgetCommitmentNumber"));
    t = Target.REGISTER_DELIVERY;
    rows.add(row(t, "date illisible", with(t, "deliveredOn", "demain"), "deliveredOn"));
    rows.add(row(t, "date au format français", with(t, "deliveredOn", "28/11/2026"), "deliveredOn"));
    rows.add(row(t, "date future", with(t, "deliveredOn", LocalDate.now().plusDays(3).toString()), "deliveredOn"));
    rows.add(row(t, "numéro d'inventaire absent", without(t, "inventoryNumber"), "inventoryNumber"));
    // SPEC §3.1 — teacher-onboarding
    t = Target.ONBOARDING_START;
    rows.add(row(t, "enseignant inconnu", with(t, "teacherId", "nobody"), "teacherId"));
    rows.add(row(t, "nom vide", with(t, "teacherName", " "), "teacherName"));
    rows.add(row(t, "adresse invalide", with(t, "teacherEmail", "thomas-at-univ"), "teacherEmail"));
    rows.add(row(t, "département absent", without(t, "department"), "department"));
    rows.add(row(t, "statut inconnu", with(t, "status", "stagiaire"), "status"));
    rows.add(row(t, "prise de fonction il y a deux ans", with(t, "startDate", LocalDate.now().minusYears(2).toString()), "startDate"));
    rows.add(row(t, "date illisible", with(t, "startDate", "31/12/2026"), "startDate"));
    rows.add(row(t, "formation LMS absente", without(t, "needsLmsTraining"), "needsLmsTraining"));
    t = Target.ASSIGN_MENTOR;
    rows.add(row(t, "mentor enseignant", with(t, "mentorId", "claire"), "mentorId"));
    rows.add(row(t, "mentor absent", without(t, "mentorId"), "mentorId"));
    t = Target.COMPLETE_NEEDS_QUESTIONNAIRE;
    rows.add(row(t, "expérience inconnue", with(t, "lmsExperience", "expert"), "lmsExperience"));
    rows.add(row(t, "centre d'intérêt inconnu", with(t, "interests", "hybrid,cooking"), "interests"));
    rows.add(row(t, "accompagnement absent", without(t, "wantsLabelSupport"), "wantsLabelSupport"));
    t = Target.HOLD_WELCOME_MEETING;
    rows.add(row(t, "date illisible", with(t, "meetingDate", "bientôt"), "meetingDate"));
    rows.add(row(t, "plan vide", with(t, "trainingPlan", ""), "trainingPlan"));
    rows.add(row(t, "inscription absente", without(t, "enrolInLmsTraining"), "enrolInLmsTraining"));
    t = Target.RATE_ONBOARDING;
    rows.add(row(t, "satisfaction 0", with(t, "satisfaction", 0), "satisfaction"));
    rows.add(row(t, "satisfaction 6", with(t, "satisfaction", 6), "satisfaction"));

    // Whatever the target: wrong types, missing variables, malformed JSON, unknown types, 1 MB
    for (Target target : Target.values()) {
      String number = target.numberField();
      String text = target.textField();
      Map<String, Object> first = target.valid();
      String firstField = first.keySet().iterator().next();
      rows.add(row(target, "aucune variable", "{}", firstField));
      rows.add(row(target, "JSON mal formé", "{\"variables\": {\"" + firstField + "\": {\"value\": ", null));
      rows.add(row(target, "JSON qui n'est pas un objet", "[1, 2, 3]", null));
      rows.add(row(target, "variables qui ne sont pas un objet", "{\"variables\": [\"a\"]}", null));
      rows.add(row(target, "type inconnu", withTyped(target, firstField, "a", "Banana"), firstField));
      rows.add(row(target, "objet Java sérialisé", withRaw(target, "payload",
          Map.of("value", "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==", "type", "Object",
              "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
                  "serializationDataFormat", "application/x-java-serialized-object"))), "payload"));
      rows.add(row(target, "objet JSON sans type", withRaw(target, firstField, Map.of("value", Map.of("a", 1))), firstField));
      rows.add(row(target, "1 Mo dans une variable inconnue", with(target.valid(), "notes", ONE_MEGABYTE), "notes"));
      if (text != null) {
        rows.add(row(target, "1 Mo dans " + text, with(target.valid(), text, ONE_MEGABYTE), text));
        rows.add(row(target, "nombre dans le texte " + text, withTyped(target, text, "abc", "Integer"), text));
      }
      if (number != null) {
        rows.add(row(target, number + " : « abc » typé Integer", withTyped(target, number, "abc", "Integer"), number));
        rows.add(row(target, number + " : booléen", with(target.valid(), number, true), number));
        rows.add(row(target, number + " : booléen typé Integer", withTyped(target, number, true, "Integer"), number));
        rows.add(row(target, number + " : hors des limites de Long", withTyped(target, number, "99999999999999999999", "Long"), number));
        rows.add(row(target, number + " : texte", with(target.valid(), number, "beaucoup"), number));
      }
      target.valid().entrySet().stream().filter(e -> e.getValue() instanceof Boolean).findFirst().ifPresent(b -> {
        rows.add(row(target, b.getKey() + " : nombre", with(target.valid(), b.getKey(), 1), b.getKey()));
        rows.add(row(target, b.getKey() + " : « oui » typé Boolean", withTyped(target, b.getKey(), "oui", "Boolean"), b.getKey()));
      });
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "[{index}] {0} — {1}")
  @MethodSource("badInput")
  void badInputIsRefusedWith400AndAFrenchMessageAndNothingPersisted(Target target, String what, String body, String field) {
    requireDeployed(target.processKey);
    if (target.isStart()) {
      long before = instances(target.processKey);
      for (String way : List.of("start", "submit-form")) {
        Api.Response response = rest(target.user).post("/process-definition/key/" + target.processKey + "/" + way, body);
        assertRefused(response, way, field);
      }
      assertThat(instances(target.processKey)).as("aucune instance créée").isEqualTo(before);
    } else {
      String taskId = waitingTask(target);
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      Map<String, Object> variablesBefore = runtimeService.getVariables(task.getExecutionId());
      for (String way : List.of("complete", "submit-form")) {
        Api.Response response = rest(target.user).post("/task/" + taskId + "/" + way, body);
        assertRefused(response, way, field);
      }
      assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("la tâche reste ouverte").isEqualTo(1);
      assertThat(runtimeService.getVariables(task.getExecutionId())).as("variables inchangées").isEqualTo(variablesBefore);
    }
  }

  /** Tasklist goes through the webapps' API: the same answers there, after login and CSRF. */
  @Test
  void tasklistGetsTheSameFrenchAnswers() {
    String taskId = waitingTask(Target.DECIDE_LABEL);
    WebappSession tasklist = new WebappSession(baseUrl());
    assertThat(tasklist.login("tasklist", "hugo").status()).isEqualTo(200);
    tasklist.get("/camunda/api/engine/engine/default/task/count"); // the CSRF token of the new session
    String path = "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form";
    String startPath = "/camunda/api/engine/engine/default/process-definition/key/hybrid-course-labelling/submit-form";

    assertRefused(tasklist.postJson(path, "{\"variables\": {", true), "JSON mal formé", null);
    assertRefused(tasklist.postJson(path, withTyped(Target.DECIDE_LABEL, "labelDecision", 3, "Banana"), true),
        "type inconnu", "labelDecision");
    assertRefused(tasklist.postJson(path, with(Target.DECIDE_LABEL.valid(), "decisionComments", ONE_MEGABYTE), true),
        "1 Mo", "decisionComments");
    assertRefused(tasklist.postJson(path, with(Target.DECIDE_LABEL, "labelDecision", "perhaps"), true),
        "règle", "labelDecision");
    WebappSession teacher = new WebappSession(baseUrl());
    teacher.login("tasklist", "claire");
    teacher.get("/camunda/api/engine/engine/default/task/count");
    long before = instances("hybrid-course-labelling");
    assertRefused(teacher.postJson(startPath, withTyped(Target.LABELLING_START, "ects", "abc", "Integer"), true),
        "ECTS « abc »", "ects");
    assertRefused(teacher.postJson(startPath, with(Target.LABELLING_START, "ects", 99), true), "ECTS 99", "ects");
    assertThat(instances("hybrid-course-labelling")).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

    // the check of the variables comes after the CSRF protection and the login
    assertThat(tasklist.postJson(path, "{\"variables\": {", false).status()).isEqualTo(403);
    assertThat(new WebappSession(baseUrl()).postJson(path, "{\"variables\": {", false).status()).isIn(401, 403);
    assertThat(anonymousRest().post("/task/" + taskId + "/complete", "{\"variables\": {").status()).isEqualTo(401);
  }

  /** Over HTTP, against the running application: the engine's own 404 is rewritten in French too. */
  @Test
  void anUnknownResourceIsAnsweredInFrench() {
    for (String user : List.of("admin", "claire")) {
      Api.Response missing = rest(user).get("/process-instance/instance-inconnue");
      assertThat(missing.status()).as(missing.body()).isEqualTo(404);
      assertNoInternals(missing.body());
      assertThat(missing.json().path("message").asText()).startsWith("Introuvable : ");
    }
  }

  /**
   * Over HTTP, outside starts and completions: an administrator's wrong value in Cockpit, a malformed
   * date, an account that already exists. French, no Java types, nothing changed.
   */
  @Test
  void otherRefusalsOfTheEngineAreAnsweredInFrench(org.springframework.boot.test.system.CapturedOutput output) {
    Map<String, Object> variables = Target.PURCHASE_START.valid();
    String id = rest("claire").post("/process-definition/key/learning-lab-purchase/start", restVariables(variables))
        .json().get("id").asText();
    awaitJobs(id);
    WebappSession cockpit = new WebappSession(baseUrl());
    assertThat(cockpit.login("cockpit", "admin").status()).isEqualTo(200);

    Api.Response wrongType = cockpit.putJson("/camunda/api/engine/engine/default/process-instance/" + id + "/variables/quantity",
        "{\"value\":\"abc\",\"type\":\"Integer\"}");
    Api.Response tooLong = cockpit.putJson("/camunda/api/engine/engine/default/process-instance/" + id + "/variables/supplier",
        "{\"value\":\"" + "x".repeat(4001) + "\",\"type\":\"String\"}");
    String taskId = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
    Api.Response badDate = rest("admin").put("/task/" + taskId, Map.of("name", "Donner l'avis pédagogique", "due", "pas une date"));
    Api.Response existing = rest("admin").post("/user/create", Map.of("profile", Map.of("id", "claire", "firstName", "Claire",
        "lastName", "Doublon", "email", "claire2@univ.example"), "credentials", Map.of("password", "Un-mot-de-passe-2026")));

    assertThat(wrongType.json().path("message").asText()).isEqualTo("Requête invalide : la valeur « abc » n'est pas du type « Integer ». Rien n'a été modifié.");
    assertThat(tooLong.json().path("message").asText()).contains("la valeur est trop longue (4 000 caractères au plus).");
    assertThat(existing.json().path("message").asText())
        .isEqualTo("Compte refusé : un compte porte déjà l'identifiant « claire ». Choisissez-en un autre. Rien n'a été créé.");
    Api.Response existingGroup = rest("admin").post("/group/create", Map.of("id", "teachers", "name", "Doublon"));
    assertThat(existingGroup.status()).as(existingGroup.body()).isEqualTo(400);
    assertThat(existingGroup.json().path("message").asText()).startsWith("Groupe refusé : un groupe porte déjà l'identifiant « teachers »");
    assertThat(identityService.createGroupQuery().groupId("teachers").singleResult().getName()).isEqualTo("Enseignants");
    for (Api.Response refused : List.of(wrongType, tooLong, badDate, existing)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertNoInternals(refused.body());
      assertThat(refused.json().path("message").asText()).matches("^(Requête invalide|Compte refusé) : .*").endsWith(" Rien n'a été "
          + (refused == existing ? "créé." : "modifié."));
    }
    assertThat(runtimeService.getVariable(id, "quantity")).isEqualTo(variables.get("quantity"));
    assertThat(runtimeService.getVariable(id, "supplier")).isEqualTo(variables.get("supplier"));
    assertThat(identityService.createUserQuery().userId("claire").singleResult().getLastName()).isNotEqualTo("Doublon");
    assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ") || line.contains(" WARN "))
        .filter(line -> line.contains("persistence layer") || line.contains("Value too long")))
        .as("the 4 001 characters are a typing error, not a fault to watch").isEmpty();
    runtimeService.deleteProcessInstance(id, "test terminé");
  }

  /** Admin (or REST) creates accounts with Camunda's password policy; refusals are French 400s, and nothing is created. */
  @Test
  void newAccountsFollowThePasswordPolicy(org.springframework.boot.test.system.CapturedOutput output) {
    Api admin = rest("admin");
    String weak = "{\"profile\":{\"id\":\"julie-policy\",\"firstName\":\"Julie\",\"lastName\":\"Bernard\","
        + "\"email\":\"julie@univ.example\"},\"credentials\":{\"password\":\"%s\"}}";
    try {
      for (String password : new String[] {"a", "julie-policy-2026", "motdepasse-sans-chiffre"}) {
        Api.Response refused = admin.post("/user/create", weak.formatted(password));
        assertThat(refused.status()).as(password + " → " + refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).startsWith("Mot de passe refusé : il doit compter au moins 10 caractères");
        assertNoInternals(refused.body());
      }
      assertThat(identityService.createUserQuery().userId("julie-policy").count()).isZero();
      Api.Response badId = admin.post("/user/create", weak.replace("julie-policy", "julie policy").formatted("Cheval-Correct-2026!"));
      assertThat(badId.status()).as(badId.body()).isEqualTo(400);
      assertThat(badId.json().get("message").asText()).startsWith("Identifiant refusé : ");

      assertThat(output.getOut().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
          .filter(line -> line.contains("does not match policy") || line.contains("valid resource identifier")))
          .as("a typing error is not a fault to watch").isEmpty();
      assertThat(admin.post("/user/create", weak.formatted("Cheval-Correct-2026!")).status()).isEqualTo(204);
      assertThat(new Api(baseUrl() + "/engine-rest", "julie-policy", "Cheval-Correct-2026!").get("/task").status()).isEqualTo(200);
    } finally {
      identityService.deleteUser("julie-policy");
    }
  }

  /** Admin's « Supprimer » on an account that work still waits for, or on one's own: refused in French, nothing deleted. */
  @Test
  void anAccountStillNeededIsNotDeleted() {
    // a lab manager of this test's own, with one request running (others' requests do not count here)
    String requesterId = "demandeur-depart";
    testAccount(requesterId, "Demandeur", "Départ", null, "lab-managers");
    identityService.setAuthentication(requesterId, List.of("lab-managers"));
    String id = runtimeService.startProcessInstanceByKey("learning-lab-purchase", Target.PURCHASE_START.valid()).getId();
    identityService.clearAuthentication();
    awaitJobs(id);
    Api admin = rest("admin");
    try {
      Api.Response stranger = rest("claire").delete("/user/" + requesterId);
      assertThat(stranger.status()).as(stranger.body()).isEqualTo(403);
      assertThat(stranger.json().get("message").asText()).as("nothing of the account's work").startsWith("Accès refusé : ")
          .doesNotContain("demande");
      Api.Response requester = admin.delete("/user/" + requesterId);
      assertThat(requester.status()).as(requester.body()).isEqualTo(403);
      assertThat(requester.json().get("message").asText()).startsWith("Le compte « demandeur-depart » ne peut pas être supprimé : "
          + "une demande en cours l'attend (comme enseignant, mentor, demandeur ou responsable de la tâche).");
      assertNoInternals(requester.body());
      Api.Response self = admin.delete("/user/admin");
      assertThat(self.status()).as(self.body()).isEqualTo(403);
      assertThat(self.json().get("message").asText()).startsWith("Vous ne pouvez pas supprimer votre propre compte");
      assertThat(identityService.createUserQuery().userIdIn(requesterId, "admin").count()).isEqualTo(2);
    } finally {
      runtimeService.deleteProcessInstance(id, "test terminé");
    }
    assertThat(admin.delete("/user/" + requesterId).status()).as("its request ended").isEqualTo(204);
    org.camunda.bpm.engine.identity.User departed = identityService.newUser("depart-sans-travail");
    identityService.saveUser(departed);
    assertThat(admin.put("/group/hr/members/depart-sans-travail", "").status()).isEqualTo(204);
    assertThat(admin.put("/group/hr/members/depart-sans-travail", "").status()).as("a double click").isEqualTo(204);
    assertThat(rest("claire").put("/group/hr/members/claire", "").status()).as("a teacher joining HR").isEqualTo(403);
    assertThat(admin.delete("/group/hr/members/depart-sans-travail").status()).as("nadia stays in HR").isEqualTo(204);
    assertThat(admin.delete("/user/depart-sans-travail").status()).as("nothing waits for it").isEqualTo(204);

    // nadia is the only member of HR: without her nobody could announce a new teacher
    Api.Response lastOfHr = admin.delete("/user/nadia");
    assertThat(lastOfHr.status()).as(lastOfHr.body()).isEqualTo(403);
    assertThat(lastOfHr.json().get("message").asText()).contains("est le seul membre du groupe « Ressources humaines »");
    Api.Response leaveHr = admin.delete("/group/hr/members/nadia");
    assertThat(leaveHr.status()).as(leaveHr.body()).isEqualTo(403);
    assertThat(identityService.createUserQuery().memberOfGroup("hr").userId("nadia").count()).isOne();
  }

  /** A valid request still goes through the check (the body is handed on intact, accents included). */
  @Test
  void aValidRequestStillGoesThrough() {
    Map<String, Object> variables = Target.PURCHASE_START.valid();
    variables.put("pedagogicalJustification", "Éthique & société — « cours hybride » " + "é".repeat(3000));
    Api.Response response = rest("claire").post("/process-definition/key/learning-lab-purchase/submit-form",
        typedBody(variables, Map.of("quantity", "Long")));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String id = response.json().get("id").asText();
    awaitJobs(id);
    assertThat(runtimeService.getVariable(id, "pedagogicalJustification")).isEqualTo(variables.get("pedagogicalJustification"));
    assertThat(runtimeService.getVariable(id, "quantity")).isEqualTo(3);
  }

  private static void assertRefused(Api.Response response, String way, String field) {
    assertThat(response.status()).as(way + " → " + response.body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).as(way).startsWith("application/json");
    assertNoInternals(response.body());
    JsonNode body = response.json();
    assertThat(body.has("type")).as(way).isTrue();
    String message = body.path("message").asText();
    assertThat(message).as(way).matches("^(« |Requête invalide : ).*");
    if (field != null) {
      assertThat(body.path("field").asText()).as(way + " " + message).isEqualTo(field);
      assertThat(message).as(way).contains(field);
    }
  }

  /**
   * No stack trace, Java class name, SQL or English exception text in an answer. The {@code type}
   * of the answer is Camunda's contract with its clients (e.g. "AuthorizationException") and stays.
   */
  static void assertNoInternals(String answer) {
    String body = answer.replaceFirst("\"type\"\\s*:\\s*\"[A-Za-z]+\"", "\"type\":\"-\"");
    assertThat(body).doesNotContainIgnoringCase("exception")
        .doesNotContain("java.", "org.camunda", "org.pedaflow", "org.h2", "org.postgresql", "\tat ", "Caused by")
        .doesNotContainIgnoringCase("select ")
        .doesNotContainIgnoringCase("insert into")
        .doesNotContainIgnoringCase("update act_")
        .doesNotContainIgnoringCase("SQL")
        .doesNotContain("Cannot ", "Unsupported", "Unexpected", "Unrecognized");
  }


  private long instances(String processKey) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
  }

  /** A task of that kind waiting for completion, reached with valid input the first time. */
  private String waitingTask(Target target) {
    String id = TASKS.get(target);
    if (id != null && taskService.createTaskQuery().taskId(id).count() == 1) {
      return id;
    }
    String processInstanceId = switch (target) {
      case REVIEW_PEDAGOGICAL_DESIGN -> start(Target.LABELLING_START);
      case REVISE_COURSE -> completeOn(start(Target.LABELLING_START), Target.REVIEW_PEDAGOGICAL_DESIGN, Target.REVIEW_PEDAGOGICAL_DESIGN.valid());
      case DECIDE_LABEL -> completeOn(start(Target.LABELLING_START), Target.REVIEW_PEDAGOGICAL_DESIGN,
          withValue(Target.REVIEW_PEDAGOGICAL_DESIGN.valid(), "recommendation", "approve"));
      case GIVE_PEDAGOGICAL_OPINION -> start(Target.PURCHASE_START);
      case APPROVE_AS_LAB_MANAGER -> completeOn(start(Target.PURCHASE_START), Target.GIVE_PEDAGOGICAL_OPINION,
          Map.of("opinionFavourable", true));
      case APPROVE_BUDGET -> completeOn(completeOn(start(Target.PURCHASE_START), Target.GIVE_PEDAGOGICAL_OPINION,
          Map.of("opinionFavourable", true)), Target.APPROVE_AS_LAB_MANAGER, Map.of("labManagerApproved", true));
      case REGISTER_DELIVERY -> completeOn(completeOn(completeOn(start(Target.PURCHASE_START), Target.GIVE_PEDAGOGICAL_OPINION,
          Map.of("opinionFavourable", true)), Target.APPROVE_AS_LAB_MANAGER, Map.of("labManagerApproved", true)),
          Target.APPROVE_BUDGET, Target.APPROVE_BUDGET.valid());
      case ASSIGN_MENTOR, COMPLETE_NEEDS_QUESTIONNAIRE -> start(Target.ONBOARDING_START);
      case HOLD_WELCOME_MEETING, RATE_ONBOARDING -> {
        String pid = completeOn(completeOn(start(Target.ONBOARDING_START), Target.ASSIGN_MENTOR, Target.ASSIGN_MENTOR.valid()),
            Target.COMPLETE_NEEDS_QUESTIONNAIRE, Target.COMPLETE_NEEDS_QUESTIONNAIRE.valid());
        yield target == Target.HOLD_WELCOME_MEETING ? pid
            : completeOn(pid, Target.HOLD_WELCOME_MEETING, Target.HOLD_WELCOME_MEETING.valid());
      }
      default -> throw new IllegalArgumentException(target.name());
    };
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(target.taskKey)
        .singleResult();
    assertThat(task).as("tâche " + target.taskKey + " en attente").isNotNull();
    TASKS.put(target, task.getId());
    return task.getId();
  }

  private String start(Target target) {
    Api.Response response = rest(target.user).post("/process-definition/key/" + target.processKey + "/start",
        body(target.valid()));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String id = response.json().get("id").asText();
    awaitJobs(id);
    return id;
  }

  private String completeOn(String processInstanceId, Target target, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(target.taskKey)
        .singleResult();
    assertThat(task).as(target.taskKey).isNotNull();
    Api.Response response = rest("admin").post("/task/" + task.getId() + "/complete", body(variables));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
    awaitJobs(processInstanceId);
    return processInstanceId;
  }

  private static Arguments row(Target target, String what, String body, String field) {
    return Arguments.of(target, what, body, field);
  }

  private static String with(Target target, String name, Object value) {
    return with(target.valid(), name, value);
  }

  private static String with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(variables);
    copy.put(name, value);
    return body(copy);
  }

  /** Variables as a JSON body from another JSON body's map (for combined changes). */
  private static String with(String bodyJson, String name, Object value) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> variables = (Map<String, Map<String, Object>>) JSON.readValue(bodyJson, Map.class)
          .get("variables");
      variables.put(name, Map.of("value", value));
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> withValue(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(variables);
    copy.put(name, value);
    return copy;
  }

  private static String without(Target target, String name) {
    Map<String, Object> copy = new LinkedHashMap<>(target.valid());
    copy.remove(name);
    return body(copy);
  }

  private static String withTyped(Target target, String name, Object value, String type) {
    return withRaw(target, name, Map.of("value", value, "type", type));
  }

  private static String withRaw(Target target, String name, Map<String, Object> variable) {
    Map<String, Object> variables = new LinkedHashMap<>();
    target.valid().forEach((n, v) -> variables.put(n, Map.of("value", v)));
    variables.put(name, variable);
    return json(Map.of("variables", variables));
  }

  private static String body(Map<String, Object> values) {
    return typedBody(values, Map.of());
  }

  private static String typedBody(Map<String, Object> values, Map<String, String> types) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((n, v) -> variables.put(n, types.containsKey(n) ? Map.of("value", v, "type", types.get(n)) : Map.of("value", v)));
    return json(Map.of("variables", variables));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
