package org.pedaflow.labelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pedaflow.labelling.LabellingTestSupport.*;
import static org.pedaflow.test.VariableMaps.with;
import static org.pedaflow.test.VariableMaps.without;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pedaflow.labelling.LabellingProcess.LabelDecision;
import org.pedaflow.labelling.LabellingProcess.Recommendation;
import org.pedaflow.labelling.LabellingProcess.Tasks;
import org.pedaflow.labelling.LabellingProcess.Variables;
import org.pedaflow.test.Api;
import org.pedaflow.test.Mails;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * The labelling walked through over HTTP as the demo users, the way Tasklist drives it: claire
 * applies, ines reviews, claire revises, ines approves, hugo grants; each sees only their own tasks,
 * every e-mail reaches claire, and the label then shows in the public catalogue.
 */
class HybridCourseLabellingRestTest extends PedaflowIntegrationTest {

  private static final String COURSE_CODE = "REST-HIS-104";

  @Test
  void claireInesAndHugoWalkTheLabellingThroughAndTheLabelBecomesPublic() throws Exception {
    Api claire = rest(TEACHER);
    Api ines = rest(DESIGNER);
    Api hugo = rest(COMMITTEE_MEMBER);
    Api thomas = rest("thomas");

    assertThat(publicLabels()).noneMatch(label -> label.get("courseCode").asText().equals(COURSE_CODE));

    // claire applies with the start form (Tasklist sends whole numbers as Long)
    Api.Response started = claire.post("/process-definition/key/" + LabellingProcess.PROCESS_KEY + "/submit-form",
        Map.of("variables", Map.of(
            Variables.COURSE_TITLE, Map.of("value", "Histoire de l'Europe moderne"),
            Variables.COURSE_CODE, Map.of("value", COURSE_CODE),
            Variables.PROGRAM, Map.of("value", "Licence d'histoire"),
            Variables.ECTS, Map.of("value", 6, "type", "Long"),
            Variables.DISTANCE_SHARE_PERCENT, Map.of("value", 40, "type", "Long"),
            Variables.LMS_COURSE_URL, Map.of("value", "https://moodle.univ.example/course/view.php?id=104"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();
    assertThat(started.json().get("businessKey").asText()).matches("HYB-\\d{4}-\\d{4}");
    assertThat(runtimeService.getVariable(instanceId, Variables.TEACHER_ID)).isEqualTo(TEACHER);
    assertThat(runtimeService.getVariable(instanceId, Variables.ECTS)).isEqualTo(6);

    // the review is offered to the instructional designers only
    JsonNode review = singleTask(ines, instanceId, Tasks.REVIEW_PEDAGOGICAL_DESIGN);
    assertNoTask(claire, instanceId);
    assertNoTask(hugo, instanceId);
    Api.Response form = ines.get("/task/" + review.get("id").asText() + "/deployed-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("labelling-review");

    // a score out of range is refused with a French message, the task stays open
    Api.Response refused = ines.post("/task/" + review.get("id").asText() + "/submit-form",
        restVariables(with(review(Recommendation.REVISE, "Précisez les consignes."), Variables.SCORE_ALIGNMENT, 4)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("type").asText()).isEqualTo("InvalidInput");
    assertThat(refused.json().get("field").asText()).isEqualTo(Variables.SCORE_ALIGNMENT);
    assertThat(refused.json().get("message").asText())
        .isEqualTo("« Note d'alignement pédagogique » (scoreAlignment) : la valeur doit être comprise entre 0 et 3.");
    singleTask(ines, instanceId, Tasks.REVIEW_PEDAGOGICAL_DESIGN);

    // ines asks for a revision: claire is e-mailed and alone sees « Réviser le cours »
    assertThat(ines.post("/task/" + review.get("id").asText() + "/submit-form",
        restVariables(review(Recommendation.REVISE, "Précisez les consignes des forums."))).status()).isEqualTo(204);
    awaitJobs(instanceId);
    assertThat(Mails.to(greenMail.getReceivedMessages(), TEACHER_EMAIL)).singleElement()
        .satisfies(mail -> assertThat(Mails.text(mail)).contains("Précisez les consignes des forums.")
            .contains("http://pedaflow.test"));
    JsonNode revision = singleTask(claire, instanceId, Tasks.REVISE_COURSE);
    assertThat(revision.get("assignee").asText()).isEqualTo(TEACHER);
    assertNoTask(ines, instanceId);
    assertNoTask(hugo, instanceId);
    assertNoTask(thomas, instanceId);
    assertThat(claire.post("/task/" + revision.get("id").asText() + "/submit-form",
        restVariables(Map.of(Variables.REVISION_NOTES, "Consignes des forums réécrites."))).status()).isEqualTo(204);

    // ines approves; the decision is the committee's alone
    JsonNode secondReview = singleTask(ines, instanceId, Tasks.REVIEW_PEDAGOGICAL_DESIGN);
    assertThat(ines.post("/task/" + secondReview.get("id").asText() + "/submit-form",
        restVariables(review(Recommendation.APPROVE, null))).status()).isEqualTo(204);
    JsonNode decision = singleTask(hugo, instanceId, Tasks.DECIDE_LABEL);
    assertNoTask(claire, instanceId);
    assertNoTask(ines, instanceId);
    assertThat(claire.post("/task/" + decision.get("id").asText() + "/complete",
        restVariables(Map.of(Variables.LABEL_DECISION, LabelDecision.GRANTED))).status()).isEqualTo(403);
    assertThat(hugo.post("/task/" + decision.get("id").asText() + "/submit-form",
        restVariables(Map.of(Variables.LABEL_DECISION, LabelDecision.REFUSED))).status()).isEqualTo(400);
    assertThat(hugo.post("/task/" + decision.get("id").asText() + "/submit-form",
        restVariables(Map.of(Variables.LABEL_DECISION, LabelDecision.GRANTED, Variables.DECISION_COMMENTS, ""))).status())
        .isEqualTo(204);
    awaitJobs(instanceId);

    // the label is issued, e-mailed to claire and listed in the public catalogue without personal data
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
    String labelNumber = (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName(Variables.LABEL_NUMBER).singleResult().getValue();
    List<MimeMessage> mails = Mails.to(greenMail.getReceivedMessages(), TEACHER_EMAIL);
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1).getSubject()).contains(labelNumber);

    Api.Response catalogue = new Api(baseUrl(), null, null).get("/api/labels");
    assertThat(catalogue.status()).isEqualTo(200);
    assertThat(catalogue.body()).doesNotContain(TEACHER).doesNotContain(TEACHER_EMAIL).doesNotContain("Claire");
    JsonNode label = publicLabels().stream()
        .filter(l -> l.get("courseCode").asText().equals(COURSE_CODE)).findFirst().orElseThrow();
    assertThat(label.get("labelNumber").asText()).isEqualTo(labelNumber);
    assertThat(label.get("courseTitle").asText()).isEqualTo("Histoire de l'Europe moderne");
    assertThat(label.get("program").asText()).isEqualTo("Licence d'histoire");
    assertThat(label.get("validUntil").asText()).isEqualTo(java.time.LocalDate.now().plusYears(3).toString());
    List<String> fields = new ArrayList<>();
    label.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("labelNumber", "courseCode", "courseTitle", "program", "grantedOn",
        "validUntil");
  }

  private List<JsonNode> publicLabels() {
    Api.Response response = new Api(baseUrl(), null, null).get("/api/labels");
    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> labels = new ArrayList<>();
    response.json().forEach(labels::add);
    return labels;
  }

  private static JsonNode singleTask(Api user, String instanceId, String taskKey) {
    Api.Response response = user.get("/task?processInstanceId=" + instanceId);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).as("tasks visible").hasSize(1);
    JsonNode task = response.json().get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(taskKey);
    return task;
  }

  private static void assertNoTask(Api user, String instanceId) {
    Api.Response response = user.get("/task?processInstanceId=" + instanceId);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).as("tasks visible").isEmpty();
  }
}
