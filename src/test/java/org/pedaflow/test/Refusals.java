package org.pedaflow.test;

import org.pedaflow.rules.RuleViolationException;

/** Finding the rule's refusal behind what the engine threw (it wraps what a task listener throws). */
public final class Refusals {

  private Refusals() {}

  public static RuleViolationException ruleViolation(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleViolationException violation) {
        return violation;
      }
    }
    throw new AssertionError("Pas de refus par une règle dans " + thrown, thrown);
  }
}
