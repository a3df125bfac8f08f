package org.pedaflow.rules;

/** Input that breaks a rule of the SPEC: HTTP 400, French message naming the field. */
public class InvalidInputException extends RuleViolationException {

  public InvalidInputException(String field, String message) {
    super(field, message);
  }

  @Override
  public int httpStatus() {
    return 400;
  }

  @Override
  public String type() {
    return "InvalidInput";
  }
}
