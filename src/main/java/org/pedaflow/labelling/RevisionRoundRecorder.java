package org.pedaflow.labelling;

import static org.pedaflow.labelling.LabellingProcess.Variables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes a revision round when the teacher completes {@code ReviseCourse}: counts the round
 * ({@code revisionCount}, which limits the reviews to three {@code revise}) and appends the
 * reviewer's scores and comments and the teacher's notes to {@code revisionHistory}, the
 * readable record that the next review and the committee see.
 *
 * <p>Each round collects answers of its own: what the reviewer sent (scores, recommendation,
 * comments) moves into the history when the teacher submits the revision, and the teacher's notes
 * of the previous round when the next revision task opens. So a later review needs its own scores
 * and recommendation (and a {@code reject} its own comments), and a later revision its own notes,
 * instead of passing the rules with the previous round's values; the forms open empty. The last
 * values of each stay on the instance until then, and all of them in the variable history.
 */
@Component("recordRevisionRound")
public class RevisionRoundRecorder implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(RevisionRoundRecorder.class);
  private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  /** Keeps the whole history within one String variable (4 000 characters) after three rounds. */
  static final int MAX_QUOTED_LENGTH = 450;
  /** What a review collects, and the next review must send again. */
  static final List<String> REVIEW_OUTPUTS =
      List.of(SCORE_ALIGNMENT, SCORE_ACTIVITIES, SCORE_ASSESSMENT, SCORE_ACCESSIBILITY, RECOMMENDATION, REVIEW_COMMENTS);

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      // a new round: the previous notes are already in revisionHistory
      task.getExecution().removeVariable(REVISION_NOTES);
      return;
    }
    DelegateExecution execution = task.getExecution();
    int round = completedRounds(execution.getVariable(REVISION_COUNT)) + 1;
    String entry = historyEntry(round, execution);
    String history = (String) execution.getVariable(REVISION_HISTORY);
    execution.setVariable(REVISION_HISTORY, history == null || history.isBlank() ? entry : history + "\n\n" + entry);
    execution.setVariable(REVISION_COUNT, round);
    execution.removeVariables(REVIEW_OUTPUTS);
    LOG.info("{} : révision n° {} soumise par {}", execution.getProcessBusinessKey(), round,
        execution.getVariable(TEACHER_ID));
  }

  /** Number of completed revision rounds, from the {@code revisionCount} variable (absent before the first). */
  static int completedRounds(Object revisionCount) {
    return revisionCount instanceof Number number ? number.intValue() : 0;
  }

  private static String historyEntry(int round, DelegateExecution execution) {
    LocalDate today = EngineClock.today();
    return """
        **Révision %d** (réponse de l'enseignant le %s)
        - Notes de l'ingénieur pédagogique : alignement %s, activités %s, évaluation %s, accessibilité %s (sur 3)
        - Commentaires de l'ingénieur pédagogique : %s
        - Modifications décrites par l'enseignant : %s""".formatted(
        round, FRENCH_DATE.format(today),
        execution.getVariable(SCORE_ALIGNMENT), execution.getVariable(SCORE_ACTIVITIES),
        execution.getVariable(SCORE_ASSESSMENT), execution.getVariable(SCORE_ACCESSIBILITY),
        quote(execution.getVariable(REVIEW_COMMENTS)), quote(execution.getVariable(REVISION_NOTES)));
  }

  /** One line, shortened: the full texts stay in the variable history (Cockpit). */
  static String quote(Object text) {
    String oneLine = text == null ? "" : text.toString().strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "—";
    }
    return oneLine.length() <= MAX_QUOTED_LENGTH ? "« " + oneLine + " »"
        : "« " + oneLine.substring(0, MAX_QUOTED_LENGTH - 1) + "… »";
  }
}
