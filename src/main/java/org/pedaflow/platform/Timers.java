package org.pedaflow.platform;

import org.springframework.stereotype.Component;

/**
 * The durations of the timers in the models, read from {@code pedaflow.timers.*}, so that an
 * operator changes a reminder delay without touching a model: {@code ${timers.get('purchase.delivery-reminder')}}.
 */
@Component("timers")
public class Timers {

  private final PedaflowProperties properties;

  public Timers(PedaflowProperties properties) {
    this.properties = properties;
  }

  public String get(String key) {
    String value = properties.getTimers().get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Délai non configuré : pedaflow.timers." + key);
    }
    return value;
  }

  public String get(String key, String defaultValue) {
    String value = properties.getTimers().get(key);
    return value == null || value.isBlank() ? defaultValue : value;
  }
}
