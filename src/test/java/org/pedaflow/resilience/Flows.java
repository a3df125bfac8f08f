package org.pedaflow.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.pedaflow.labelling.LabellingProcess;
import org.pedaflow.purchase.PurchaseProcess;
import org.pedaflow.test.Api;

/**
 * The processes driven over REST as their actors would drive them from Tasklist: a start, then each
 * user task found in the actor's task list and completed. {@code api} gives the REST API of one
 * node as one user; callers choose the node of each call, so that one instance moves between nodes.
 * Any answer other than the expected one throws {@link FlowException}.
 */
final class Flows {

  static final String PURCHASE = PurchaseProcess.PROCESS_KEY;
  static final String LABELLING = LabellingProcess.PROCESS_KEY;

  /** Where an instance stands once its asynchronous steps have run. */
  enum Expected {
    /** {@code learning-lab-purchase}: order placed and mailed, waiting for the delivery. */
    PURCHASE_AWAITING_DELIVERY,
    /** {@code hybrid-course-labelling}: not eligible, teacher informed, ended. */
    LABELLING_INELIGIBLE,
    /** {@code hybrid-course-labelling}: label granted, registered and announced, ended. */
    LABELLING_GRANTED
  }

  /** One instance started and moved as far as people can move it. */
  record Started(Expected expected, String processInstanceId, String businessKey, String starter) {}

  private Flows() {}

  /**
   * A purchase request up to its order: started by {@code requester}, favourable opinion by ines,
   * approval by a lab manager, and for amounts above 1 000 € the budget by marc.
   */
  static Started purchaseUpToOrder(Function<String, Api> api, String requester, double unitPriceEur, int n) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put(PurchaseProcess.ITEM_DESCRIPTION, "Casque de réalité virtuelle n° " + n);
    request.put(PurchaseProcess.QUANTITY, 1);
    request.put(PurchaseProcess.UNIT_PRICE_EUR, unitPriceEur);
    request.put(PurchaseProcess.SUPPLIER, "Meta France");
    request.put(PurchaseProcess.PEDAGOGICAL_JUSTIFICATION, "Travaux pratiques d'anatomie en immersion");
    request.put(PurchaseProcess.BUDGET_LINE, "LL-2026-EQUIPEMENT");
    JsonNode started = start(api.apply(requester), PURCHASE, request);
    String id = started.get("id").asText();
    complete(api.apply("ines"), id, PurchaseProcess.GIVE_PEDAGOGICAL_OPINION,
        Map.of(PurchaseProcess.OPINION_FAVOURABLE, true));
    complete(api.apply(n % 2 == 0 ? "lea" : "paul"), id, PurchaseProcess.APPROVE_AS_LAB_MANAGER,
        Map.of(PurchaseProcess.LAB_MANAGER_APPROVED, true));
    if (unitPriceEur > 1000) {
      complete(api.apply("marc"), id, PurchaseProcess.APPROVE_BUDGET,
          Map.of(PurchaseProcess.BUDGET_APPROVED, true, PurchaseProcess.BUDGET_COMMITMENT_NUMBER, "ENG-2026-" + n));
    }
    return new Started(Expected.PURCHASE_AWAITING_DELIVERY, id, started.get("businessKey").asText(), requester);
  }

  /** Registers the delivery of a purchase waiting for it (as a lab manager): the instance ends. */
  static void registerDelivery(Function<String, Api> api, String processInstanceId, int n) {
    complete(api.apply(n % 2 == 0 ? "paul" : "lea"), processInstanceId, PurchaseProcess.REGISTER_DELIVERY,
        Map.of(PurchaseProcess.DELIVERED_ON, java.time.LocalDate.now().toString(),
            PurchaseProcess.INVENTORY_NUMBER, "INV-" + n));
  }

  /** An application for a course that is not hybrid enough: the teacher is told so and the instance ends. */
  static Started ineligibleApplication(Function<String, Api> api, String teacher, int n) {
    JsonNode started = start(api.apply(teacher), LABELLING, application("INE-" + n, 10));
    return new Started(Expected.LABELLING_INELIGIBLE, started.get("id").asText(),
        started.get("businessKey").asText(), teacher);
  }

  /** An eligible application, approved by ines and granted by a committee member. */
  static Started grantedApplication(Function<String, Api> api, String teacher, int n) {
    JsonNode started = start(api.apply(teacher), LABELLING, application("GRA-" + n, 50));
    String id = started.get("id").asText();
    Map<String, Object> review = new LinkedHashMap<>();
    review.put(LabellingProcess.Variables.SCORE_ALIGNMENT, 3);
    review.put(LabellingProcess.Variables.SCORE_ACTIVITIES, 2);
    review.put(LabellingProcess.Variables.SCORE_ASSESSMENT, 2);
    review.put(LabellingProcess.Variables.SCORE_ACCESSIBILITY, 3);
    review.put(LabellingProcess.Variables.RECOMMENDATION, LabellingProcess.Recommendation.APPROVE);
    complete(api.apply("ines"), id, LabellingProcess.Tasks.REVIEW_PEDAGOGICAL_DESIGN, review);
    complete(api.apply(n % 2 == 0 ? "hugo" : "sophie"), id, LabellingProcess.Tasks.DECIDE_LABEL,
        Map.of(LabellingProcess.Variables.LABEL_DECISION, LabellingProcess.LabelDecision.GRANTED));
    return new Started(Expected.LABELLING_GRANTED, id, started.get("businessKey").asText(), teacher);
  }

  private static Map<String, Object> application(String courseCode, int distanceSharePercent) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(LabellingProcess.Variables.COURSE_TITLE, "Biologie cellulaire en classe inversée");
    variables.put(LabellingProcess.Variables.COURSE_CODE, courseCode);
    variables.put(LabellingProcess.Variables.PROGRAM, "Licence de sciences de la vie");
    variables.put(LabellingProcess.Variables.ECTS, 5);
    variables.put(LabellingProcess.Variables.DISTANCE_SHARE_PERCENT, distanceSharePercent);
    variables.put(LabellingProcess.Variables.LMS_COURSE_URL, "https://moodle.univ.example/course/view.php?id=7");
    return variables;
  }

  static JsonNode start(Api api, String processKey, Map<String, Object> variables) {
    Api.Response response = api.post("/process-definition/key/" + processKey + "/start", restVariables(variables));
    if (response.status() != 200) {
      throw new FlowException("start " + processKey, response);
    }
    return response.json();
  }

  /** Finds the one open task of the instance in the user's task list, checks its key, completes it. */
  static void complete(Api api, String processInstanceId, String taskKey, Map<String, Object> variables) {
    Api.Response tasks = api.get("/task?processInstanceId=" + processInstanceId);
    if (tasks.status() != 200 || tasks.json().size() != 1
        || !taskKey.equals(tasks.json().get(0).get("taskDefinitionKey").asText())) {
      throw new FlowException("task list (" + taskKey + ")", tasks);
    }
    String taskId = tasks.json().get(0).get("id").asText();
    Api.Response completed = api.post("/task/" + taskId + "/complete", restVariables(variables));
    if (completed.status() != 204) {
      throw new FlowException("complete " + taskKey, completed);
    }
  }

  private static Map<String, Object> restVariables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /** An unexpected answer of the REST API. */
  static final class FlowException extends RuntimeException {
    FlowException(String step, Api.Response response) {
      super(step + " → HTTP " + response.status() + " " + abbreviate(response.body()));
    }

    private static String abbreviate(String body) {
      return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
    }
  }
}
