package org.pedaflow.rules;

import java.util.Map;
import java.util.Set;
import org.pedaflow.reference.ReferenceType;
import org.springframework.stereotype.Component;

/**
 * Rules of the test-only process {@code rules-fixture}: proves the mechanism on every way in,
 * independently of the three real processes.
 */
@Component
class FixtureRules implements ProcessRules {

  static final String KEY = "rules-fixture";

  @Override
  public String processKey() {
    return KEY;
  }

  @Override
  public ReferenceType businessKeyType() {
    return ReferenceType.ACH;
  }

  @Override
  public Set<String> startVariables() {
    return Set.of("title", "quantity");
  }

  @Override
  public Map<String, Set<String>> completionVariables() {
    return Map.of("FixtureTask", Set.of("score"));
  }

  @Override
  public void checkStart(Inputs in) {
    in.requireText("title", "Intitulé");
    in.requireInteger("quantity", "Quantité", 1, 99);
  }

  @Override
  public void checkCompletion(String taskKey, Inputs in) {
    if ("requester".equals(in.currentUserId())) {
      throw new ForbiddenActionException("Vous ne pouvez pas noter votre propre demande.");
    }
    in.requireInteger("score", "Note", 0, 3);
  }
}
