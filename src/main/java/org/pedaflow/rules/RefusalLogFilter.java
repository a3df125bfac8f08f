package org.pedaflow.rules;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps a person's refused input out of the error log. When a rule refuses a start or a completion
 * asked over HTTP, {@link RulesEnginePlugin} logs one INFO line (who, what, why) and the person gets
 * a 400 or 403; the engine would also log it as {@code ENGINE-16004} at ERROR with a stack trace,
 * and its REST layer as {@code ENGINE-REST-HTTP500} at WARN (before Pedaflow turns the answer into a
 * 400). Those two lines are dropped only for the refusal the current request recorded
 * ({@link RuleViolations}): the engine's line when that very exception is among its causes, the REST
 * line (which carries the stack trace as text) when it quotes its message. Everything else is
 * logged as before, including a refusal outside an HTTP request (a job, the Java API).
 *
 * <p>The REST layer's WARN line is also dropped for two people acting on the same thing (a task a
 * colleague claimed first, a concurrent change), and both lines (the engine's only during an HTTP
 * request) for a task or job that is gone (finished or retried a moment before) or a task or process
 * that is suspended: the web layer answers
 * those 409 or 404 and logs one INFO line ({@code RuleViolationResponseFilter}); they are not
 * faults to watch.
 */
public class RefusalLogFilter extends TurboFilter {

  static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
  static final String ENGINE_REST = "org.camunda.bpm.engine.rest.exception";

  /** What the REST layer's line starts with for a conflict between two people, not a fault. */
  private static final java.util.List<String> CONFLICTS = java.util.List.of(
      "ENGINE-REST-HTTP500 " + org.camunda.bpm.engine.TaskAlreadyClaimedException.class.getName() + ": ",
      "ENGINE-REST-HTTP500 " + org.camunda.bpm.engine.OptimisticLockingException.class.getName() + ": ");

  /**
   * What the first line of the REST layer's line says when it is not a fault but something the web
   * layer answers 404, 409 or 400 in French: a task or job gone (finished or retried a moment before),
   * a task or process suspended, a password against the policy, an id with a space or an accent. The
   * engine's own words ({@code ensureNotNull} of its commands, ENGINE-03043, ENGINE-13053).
   */
  private static final java.util.regex.Pattern NOT_FAULTS = java.util.regex.Pattern.compile(
      "^ENGINE-REST-HTTP500 [^\\n]*(?:Cannot find task with id [^\\n]*: task is null"
          + "|No task found for taskId [^\\n]*: task is null|task [^ \\n]+ doesn't exist: task is null"
          + "|ENGINE-03043 (?:task|Process Definition) with id '[^']*' is suspended|(?:ENGINE-13053 )?No job found with id "
          + "|Password does not match policy|has an invalid id: [^\\n]* is not a valid resource identifier)");

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || level == null || format == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    if (ENGINE_REST.equals(logger.getName())
        && (CONFLICTS.stream().anyMatch(format::startsWith) || NOT_FAULTS.matcher(format).find())) {
      return FilterReply.DENY;
    }
    if (ENGINE_CONTEXT.equals(logger.getName()) && RuleViolations.inRequest()
        && (isNotAFault(thrown(t, params)) || isValueTooLong(thrown(t, params)))) {
      return FilterReply.DENY;
    }
    RuleViolationException recorded = RuleViolations.current();
    if (recorded == null) {
      return FilterReply.NEUTRAL;
    }
    if (ENGINE_CONTEXT.equals(logger.getName()) && causedBy(t, params, recorded)) {
      return FilterReply.DENY;
    }
    if (ENGINE_REST.equals(logger.getName()) && format.startsWith("ENGINE-REST-HTTP500")
        && format.contains(recorded.getClass().getName() + ": " + recorded.getMessage())) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  /** The engine's own exception for one of {@link #NOT_FAULTS}. */
  private static boolean isNotAFault(Throwable thrown) {
    return thrown instanceof org.camunda.bpm.engine.ProcessEngineException && thrown.getMessage() != null
        && NOT_FAULTS.matcher("ENGINE-REST-HTTP500 " + thrown.getMessage()).find();
  }

  /**
   * A text too long for the engine's column, written in Cockpit: the database refuses it, the web
   * layer answers a French 400 (« la valeur est trop longue ») and logs one INFO line.
   */
  private static boolean isValueTooLong(Throwable thrown) {
    int depth = 0;
    for (Throwable cause = thrown; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      String message = cause.getMessage();
      if (message != null && (message.contains("Value too long for column \"TEXT_") // H2
          || message.contains("value too long for type character varying(4000)"))) { // PostgreSQL
        return true;
      }
    }
    return false;
  }

  /** The exception of a log call: Logback's throwable, or Camunda's last argument. */
  private static Throwable thrown(Throwable t, Object[] params) {
    if (t != null) {
      return t;
    }
    if (params != null) {
      for (int i = params.length - 1; i >= 0; i--) {
        if (params[i] instanceof Throwable thrown) {
          return thrown;
        }
      }
    }
    return null;
  }

  /** Camunda's loggers pass the exception as the last argument of the message, Logback then as the throwable. */
  private static boolean causedBy(Throwable t, Object[] params, RuleViolationException refusal) {
    if (causedBy(t, refusal)) {
      return true;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable thrown && causedBy(thrown, refusal)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable thrown, RuleViolationException refusal) {
    int depth = 0;
    for (Throwable cause = thrown; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      if (cause == refusal) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds the filter to Logback when the application starts, and again after every reset of Logback
   * (Spring Boot resets it when another application starts in the same JVM, as in the tests).
   */
  @Component
  static class Registration implements InitializingBean {

    @Override
    public void afterPropertiesSet() {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
        register(context);
      }
    }

    static void register(LoggerContext context) {
      addTo(context);
      if (context.getCopyOfListenerList().stream().noneMatch(ReAddAfterReset.class::isInstance)) {
        ReAddAfterReset listener = new ReAddAfterReset();
        listener.setContext(context);
        context.addListener(listener);
      }
    }

    static void addTo(LoggerContext context) {
      if (context.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
        RefusalLogFilter filter = new RefusalLogFilter();
        filter.setName("pedaflow-refusals");
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
      }
    }
  }

  /** Stays across resets (resistant) and puts the filter back after each one. */
  static class ReAddAfterReset extends ContextAwareBase implements LoggerContextListener {

    @Override
    public boolean isResetResistant() {
      return true;
    }

    @Override
    public void onReset(LoggerContext context) {
      Registration.addTo(context);
    }

    @Override
    public void onStart(LoggerContext context) {}

    @Override
    public void onStop(LoggerContext context) {}

    @Override
    public void onLevelChange(Logger logger, Level level) {}
  }
}
