package org.pedaflow.rules;

/**
 * Remembers, for the current HTTP request, the rule that refused it. Camunda's REST layer turns
 * every engine exception of start and complete into a 500; the
 * {@link org.pedaflow.web.RuleViolationResponseFilter} reads this to answer 400/403 instead, and
 * {@link RefusalLogFilter} to keep the refusal out of the error log. Nothing is remembered outside a
 * request (job executor, Java API), so nothing stays behind on a pooled thread.
 */
public final class RuleViolations {

  private static final ThreadLocal<RuleViolationException> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> IN_REQUEST = new ThreadLocal<>();

  private RuleViolations() {}

  /** A request begins on this thread: refusals are remembered until {@link #endRequest()}. */
  public static void startRequest() {
    CURRENT.remove();
    IN_REQUEST.set(Boolean.TRUE);
  }

  public static void endRequest() {
    CURRENT.remove();
    IN_REQUEST.remove();
  }

  /** Whether this thread is serving an HTTP request of the engine's API. */
  public static boolean inRequest() {
    return IN_REQUEST.get() != null;
  }

  /** Remembers the refusal for the current request (the first one only); outside a request, nothing. */
  public static void record(RuleViolationException violation) {
    if (IN_REQUEST.get() != null && CURRENT.get() == null) {
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
}
