package org.pedaflow.labelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.pedaflow.labelling.LabellingProcess.Variables;
import org.pedaflow.rules.InvalidInputException;
import org.pedaflow.rules.RuleViolationException;
import org.pedaflow.test.Refusals;

/** Test data and small helpers shared by the labelling tests. */
public final class LabellingTestSupport {

  static final String TEACHER = "claire";
  static final String TEACHER_EMAIL = "claire@univ.example";
  static final String DESIGNER = "ines";
  static final String COMMITTEE_MEMBER = "hugo";

  /** A valid application; every test gets its own course code so that the label register tells them apart. */
  public static Map<String, Object> application(String courseCode, int distanceSharePercent) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.COURSE_TITLE, "Histoire de l'Europe moderne");
    variables.put(Variables.COURSE_CODE, courseCode);
    variables.put(Variables.PROGRAM, "Licence d'histoire");
    variables.put(Variables.ECTS, 6);
    variables.put(Variables.DISTANCE_SHARE_PERCENT, distanceSharePercent);
    variables.put(Variables.LMS_COURSE_URL, "https://moodle.univ.example/course/view.php?id=42");
    return variables;
  }

  static Map<String, Object> review(String recommendation, String comments) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.SCORE_ALIGNMENT, 2);
    variables.put(Variables.SCORE_ACTIVITIES, 3);
    variables.put(Variables.SCORE_ASSESSMENT, 1);
    variables.put(Variables.SCORE_ACCESSIBILITY, 2);
    variables.put(Variables.RECOMMENDATION, recommendation);
    if (comments != null) {
      variables.put(Variables.REVIEW_COMMENTS, comments);
    }
    return variables;
  }

  /** The rule violation behind an engine exception (listeners may wrap it). */
  static InvalidInputException violation(Throwable thrown) {
    RuleViolationException violation = Refusals.ruleViolation(thrown);
    assertThat(violation).isInstanceOf(InvalidInputException.class);
    return (InvalidInputException) violation;
  }

  static void assertRefused(Throwable thrown, String field, String messagePart) {
    InvalidInputException invalid = violation(thrown);
    assertThat(invalid.field()).isEqualTo(field);
    assertThat(invalid.getMessage()).contains("(" + field + ")").contains(messagePart);
  }

  private LabellingTestSupport() {}
}
