package org.pedaflow.rules;

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

  /** Checks (and normalises) the start variables. */
  default void checkStart(Inputs in) {}

  /** Checks (and normalises) the variables with which a user task is being completed. */
  default void checkCompletion(String taskKey, Inputs in) {}
}
