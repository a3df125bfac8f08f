package org.pedaflow.rules;

/** A person may not do this (for example approve their own request): HTTP 403. */
public class ForbiddenActionException extends RuleViolationException {

  public ForbiddenActionException(String message) {
    super(null, message);
  }

  @Override
  public int httpStatus() {
    return 403;
  }

  @Override
  public String type() {
    return "ForbiddenAction";
  }
}
