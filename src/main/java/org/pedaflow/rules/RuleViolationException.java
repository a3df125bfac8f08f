package org.pedaflow.rules;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A business rule refused what a person asked for. Thrown inside the engine's transaction, so
 * nothing of the request is persisted; the REST layer answers with {@link #httpStatus()} and the
 * French message.
 */
public abstract class RuleViolationException extends ProcessEngineException {

  private final String field;

  protected RuleViolationException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The variable at fault, or null when the refusal is not about one field. */
  public String field() {
    return field;
  }

  public abstract int httpStatus();

  public abstract String type();
}
