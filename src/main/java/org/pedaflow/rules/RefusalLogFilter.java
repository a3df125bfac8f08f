package org.pedaflow.rules;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps a person's refused input out of the error log. When a rule refuses a start or a
 * completion, {@link RulesEnginePlugin} logs one INFO line (who, what, why) and the person gets a
 * 400 or 403; the engine would also log it as {@code ENGINE-16004} at ERROR with a stack trace,
 * and its REST layer as {@code ENGINE-REST-HTTP500} at WARN (before Pedaflow turns the answer into
 * a 400). Those two lines are dropped, and only when the refusal is behind them: the engine's line
 * carries a {@link RuleViolationException} in its causes; the REST line carries the stack trace
 * as text in its message, so it is dropped when the request's thread has recorded a refusal
 * ({@link RuleViolations}) and the text contains its message. Every other line of these loggers is
 * logged as before.
 */
public class RefusalLogFilter extends TurboFilter {

  static final Set<String> ENGINE_LOGGERS = Set.of("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception");

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || level == null || format == null || !level.isGreaterOrEqual(Level.WARN)
        || !ENGINE_LOGGERS.contains(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    if (isRefusal(t)) {
      return FilterReply.DENY;
    }
    if (params != null) {
      for (Object param : params) {
        if (param instanceof Throwable thrown && isRefusal(thrown)) {
          return FilterReply.DENY;
        }
      }
    }
    // the REST layer writes the stack trace into the message itself
    RuleViolationException recorded = RuleViolations.current();
    if (recorded != null && recorded.getMessage() != null && format.contains(recorded.getMessage())) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean isRefusal(Throwable thrown) {
    int depth = 0;
    for (Throwable cause = thrown; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      if (cause instanceof RuleViolationException) {
        return true;
      }
    }
    return false;
  }

  /** Adds the filter to Logback once the application starts (Spring Boot's logging is set up by then). */
  @Component
  static class Registration implements InitializingBean {

    @Override
    public void afterPropertiesSet() {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
          && context.getTurboFilterList().stream().noneMatch(RefusalLogFilter.class::isInstance)) {
        RefusalLogFilter filter = new RefusalLogFilter();
        filter.setName("pedaflow-refusals");
        filter.setContext(context);
        filter.start();
        context.addTurboFilter(filter);
      }
    }
  }
}
