package org.pedaflow.test;

import java.util.HashMap;
import java.util.Map;

/** Variations of a valid payload: one variable changed or removed, the original left as it was. */
public final class VariableMaps {

  private VariableMaps() {}

  public static Map<String, Object> with(Map<String, Object> variables, String name, Object value) {
    Map<String, Object> copy = new HashMap<>(variables);
    copy.put(name, value);
    return copy;
  }

  public static Map<String, Object> without(Map<String, Object> variables, String name) {
    Map<String, Object> copy = new HashMap<>(variables);
    copy.remove(name);
    return copy;
  }
}
