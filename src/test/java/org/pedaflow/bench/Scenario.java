package org.pedaflow.bench;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The happy path of one process as the benchmark drives it: who starts it with which variables, and
 * for each user task who completes it (user and groups, authorization on) with which variables.
 */
record Scenario(String name, String processKey, String starter, List<String> starterGroups,
    IntFunction<Map<String, Object>> startVariables, Map<String, Step> steps) {

  static final String BARE_PREFIX = "bare-";

  /** One user task: its actor and the variables submitted with its completion. */
  record Step(String user, List<String> groups, Map<String, Object> variables) {}

  private static final String DESIGNERS = "instructional-designers";

  static Scenario onboarding() {
    return new Scenario("teacher-onboarding", "teacher-onboarding", "nadia", List.of("hr"), i -> Map.of(
        "teacherId", "claire",
        "teacherName", "Claire Dubois",
        "teacherEmail", "claire@univ.example",
        "department", "UFR Lettres",
        "status", "contractuel",
        "startDate", LocalDate.now().toString(),
        "needsLmsTraining", true), Map.of(
        "AssignMentor", new Step("ines", List.of(DESIGNERS), Map.of("mentorId", "ines")),
        "CompleteNeedsQuestionnaire", new Step("claire", List.of("teachers"), Map.of(
            "lmsExperience", "basic", "interests", "hybrid,assessment", "wantsLabelSupport", false)),
        "HoldWelcomeMeeting", new Step("ines", List.of(DESIGNERS), Map.of(
            "meetingDate", LocalDate.now().toString(), "trainingPlan", "Prise en main de Moodle",
            "enrolInLmsTraining", false)),
        "RateOnboarding", new Step("claire", List.of("teachers"), Map.of("satisfaction", 5))));
  }

  static Scenario labelling() {
    return new Scenario("hybrid-course-labelling", "hybrid-course-labelling", "claire", List.of("teachers"), i -> Map.of(
        "courseTitle", "Histoire de l'Europe moderne",
        "courseCode", "HIST-" + i,
        "program", "Licence d'histoire",
        "ects", 6,
        "distanceSharePercent", 40,
        "lmsCourseUrl", "https://moodle.univ.example/course/view.php?id=" + i), Map.of(
        "ReviewPedagogicalDesign", new Step("ines", List.of(DESIGNERS), Map.of(
            "scoreAlignment", 2, "scoreActivities", 3, "scoreAssessment", 2, "scoreAccessibility", 2,
            "recommendation", "approve")),
        "DecideLabel", new Step("hugo", List.of("labelling-committee"), Map.of(
            "labelDecision", "granted", "decisionComments", "Label attribué"))));
  }

  static Scenario purchase() {
    return new Scenario("learning-lab-purchase", "learning-lab-purchase", "claire", List.of("teachers"), i -> Map.of(
        "itemDescription", "Imprimante 3D pour le fablab",
        "quantity", 2,
        "unitPriceEur", 800.0,
        "supplier", "Prusa Research",
        "pedagogicalJustification", "Prototypage en travaux pratiques",
        "budgetLine", "LL-EQUIPEMENT"), Map.of(
        "GivePedagogicalOpinion", new Step("ines", List.of(DESIGNERS), Map.of("opinionFavourable", true)),
        "ApproveAsLabManager", new Step("lea", List.of("lab-managers"), Map.of("labManagerApproved", true)),
        "ApproveBudget", new Step("marc", List.of("finance"), Map.of(
            "budgetApproved", true, "budgetCommitmentNumber", "ENG-2026-001")),
        "RegisterDelivery", new Step("lea", List.of("lab-managers"), Map.of(
            "deliveredOn", LocalDate.now().toString(), "inventoryNumber", "INV-001"))));
  }

  /**
   * The same path on the bare twin ({@code src/test/resources/bench/bare-*.bpmn}): same actors and
   * variables; the purchase start carries the total that Pedaflow's rules would compute.
   */
  Scenario bare() {
    IntFunction<Map<String, Object>> variables = i -> {
      Map<String, Object> start = new HashMap<>(startVariables.apply(i));
      if (start.containsKey("unitPriceEur")) {
        start.put("totalAmountEur", (Integer) start.get("quantity") * (Double) start.get("unitPriceEur"));
      }
      return start;
    };
    return new Scenario(name, BARE_PREFIX + processKey, starter, starterGroups, variables, steps);
  }
}
