package org.pedaflow.rules;

import java.util.Map;
import java.util.Set;
import org.pedaflow.reference.ReferenceType;

/**
 * The server-side rules of one process. One Spring bean per process; the {@link RulesEnginePlugin}
 * calls it on every way in (Java API, REST start/complete/submit-form, Tasklist).
 */
public interface ProcessRules {

  /** The key of the process these rules belong to. */
  String processKey();

  /** The kind of business key given to every new instance. */
  ReferenceType businessKeyType();

  /**
   * The variables a start may carry: the SPEC's start variables (the fields of the start form) and
   * the one the engine fills with the starter. Any other is refused, so that a start cannot set what
   * the process decides later (an approval level, a revision count, a decision).
   */
  Set<String> startVariables();

  /**
   * The variables the completion of each user task may carry, by task key: the task's outputs, the
   * fields of its form. Any other is refused, so that a task cannot rewrite what the start or another
   * step decided (who requested, the approval level, the mentor, the revision count); a task missing
   * here accepts none.
   */
  Map<String, Set<String>> completionVariables();

  /** Checks (and normalises) the start variables. */
  default void checkStart(Inputs in) {}

  /** Checks (and normalises) the variables with which a user task is being completed. */
  default void checkCompletion(String taskKey, Inputs in) {}

  /**
   * Checks that a user task may go to {@code assignee}: a claim, an assignment or a delegation (a
   * refusal leaves the task as it was).
   */
  default void checkAssignment(String taskKey, String assignee, Inputs in) {}

  /**
   * Groups whose members may also hold and finish the task {@code taskKey}, besides the person the
   * model names for it and the groups it offers it to ({@link TaskEligibility}); none by default.
   */
  default Set<String> alsoWorkedBy(String taskKey) {
    return Set.of();
  }
}
