package org.pedaflow.rules;

/**
 * Remembers, for the current request thread, the rule that refused the request. Camunda's REST
 * layer turns every engine exception of start and complete into a 500; the
 * {@link org.pedaflow.web.RuleViolationResponseFilter} reads this to answer 400/403 instead.
 */
public final class RuleViolations {

  private static final ThreadLocal<RuleViolationException> CURRENT = new ThreadLocal<>();

  private RuleViolations() {}

  static void record(RuleViolationException violation) {
    if (CURRENT.get() == null) {
      CURRENT.set(violation);
    }
  }

  /** The recorded violation, if any, forgotten at once. */
  public static RuleViolationException take() {
    RuleViolationException violation = CURRENT.get();
    CURRENT.remove();
    return violation;
  }

  /** The recorded violation, if any, kept. */
  public static RuleViolationException current() {
    return CURRENT.get();
  }

  public static void clear() {
    CURRENT.remove();
  }
}
