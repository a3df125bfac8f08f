package org.pedaflow.labelling;

import static org.pedaflow.labelling.LabellingProcess.MAX_REVISION_ROUNDS;
import static org.pedaflow.labelling.LabellingProcess.Variables.*;

import java.util.Map;
import java.util.Set;
import org.pedaflow.labelling.LabellingProcess.LabelDecision;
import org.pedaflow.labelling.LabellingProcess.Recommendation;
import org.pedaflow.labelling.LabellingProcess.Tasks;
import org.pedaflow.reference.ReferenceType;
import org.pedaflow.rules.Inputs;
import org.pedaflow.rules.ProcessRules;
import org.springframework.stereotype.Component;

/**
 * Server-side rules of SPEC §3.2, checked on every way in (Tasklist, REST, Java API):
 * a broken rule refuses the start or the completion with a French message naming the field.
 */
@Component
public class LabellingRules implements ProcessRules {

  /** Longest course code, title or program: the size of the label register's columns. */
  static final int MAX_COURSE_FIELD_LENGTH = 255;

  @Override
  public String processKey() {
    return LabellingProcess.PROCESS_KEY;
  }

  @Override
  public ReferenceType businessKeyType() {
    return ReferenceType.HYB;
  }

  @Override
  public Set<String> startVariables() {
    // teacherId: the engine's initiator, then the starter whatever was sent
    return Set.of(COURSE_TITLE, COURSE_CODE, PROGRAM, ECTS, DISTANCE_SHARE_PERCENT, LMS_COURSE_URL, TEACHER_ID);
  }

  @Override
  public Map<String, Set<String>> completionVariables() {
    return Map.of(
        Tasks.REVIEW_PEDAGOGICAL_DESIGN, Set.of(SCORE_ALIGNMENT, SCORE_ACTIVITIES, SCORE_ASSESSMENT, SCORE_ACCESSIBILITY,
            RECOMMENDATION, REVIEW_COMMENTS),
        Tasks.REVISE_COURSE, Set.of(REVISION_NOTES),
        Tasks.DECIDE_LABEL, Set.of(LABEL_DECISION, DECISION_COMMENTS));
  }

  @Override
  public void checkStart(Inputs in) {
    // The teacher who applies is the one logged in (camunda:initiator), never a value sent with the form.
    String starter = in.currentUserId();
    if (starter != null) {
      in.set(TEACHER_ID, starter);
    }
    in.requireText(TEACHER_ID, "Enseignant demandeur");
    requireShortText(in, COURSE_TITLE, "Intitulé du cours");
    requireShortText(in, COURSE_CODE, "Code du cours");
    requireShortText(in, PROGRAM, "Formation");
    in.requireInteger(ECTS, "Crédits ECTS", 1, 60);
    in.requireInteger(DISTANCE_SHARE_PERCENT, "Part des heures à distance", 0, 100);
    in.requireHttpUrl(LMS_COURSE_URL, "Adresse de l'espace de cours");
  }

  @Override
  public void checkCompletion(String taskKey, Inputs in) {
    switch (taskKey) {
      case Tasks.REVIEW_PEDAGOGICAL_DESIGN -> checkReview(in);
      case Tasks.REVISE_COURSE -> in.requireText(REVISION_NOTES, "Modifications apportées");
      case Tasks.DECIDE_LABEL -> checkDecision(in);
      default -> { }
    }
  }

  private void checkReview(Inputs in) {
    in.requireInteger(SCORE_ALIGNMENT, "Note d'alignement pédagogique", 0, 3);
    in.requireInteger(SCORE_ACTIVITIES, "Note des activités à distance", 0, 3);
    in.requireInteger(SCORE_ASSESSMENT, "Note d'évaluation et de rétroaction", 0, 3);
    in.requireInteger(SCORE_ACCESSIBILITY, "Note d'accessibilité et d'ergonomie", 0, 3);
    String recommendation = in.requireChoice(RECOMMENDATION, "Recommandation au comité",
        Recommendation.APPROVE, Recommendation.REVISE, Recommendation.REJECT);
    if (Recommendation.REVISE.equals(recommendation)
        && RevisionRoundRecorder.completedRounds(in.get(REVISION_COUNT)) >= MAX_REVISION_ROUNDS) {
      throw in.invalid(RECOMMENDATION, "Recommandation au comité",
          "trois révisions ont déjà été demandées : vous ne pouvez plus qu'approuver ou refuser la demande");
    }
    if (Recommendation.APPROVE.equals(recommendation)) {
      in.optionalText(REVIEW_COMMENTS, "Commentaires");
    } else {
      in.requireText(REVIEW_COMMENTS, "Commentaires");
    }
  }

  private void checkDecision(Inputs in) {
    String decision = in.requireChoice(LABEL_DECISION, "Décision du comité",
        LabelDecision.GRANTED, LabelDecision.REFUSED);
    if (LabelDecision.REFUSED.equals(decision)) {
      in.requireText(DECISION_COMMENTS, "Commentaires du comité");
    } else {
      in.optionalText(DECISION_COMMENTS, "Commentaires du comité");
    }
  }

  private static void requireShortText(Inputs in, String name, String label) {
    in.requireText(name, label, MAX_COURSE_FIELD_LENGTH);
  }
}
