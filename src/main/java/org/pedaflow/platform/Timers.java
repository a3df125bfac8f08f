package org.pedaflow.platform;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
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

  /**
   * The same duration written for a person, as the mails state it: {@code P30D} « 30 jours »,
   * {@code P1M} « 1 mois », {@code PT48H} « 48 heures »; a value it cannot read is given as it is.
   */
  public String inFrench(String key, String defaultValue) {
    return inFrench(get(key, defaultValue));
  }

  static String inFrench(String isoDuration) {
    try {
      if (isoDuration.contains("T")) {
        Duration duration = Duration.parse(isoDuration);
        return join(List.of(part(duration.toDaysPart(), "jour", "jours"), part(duration.toHoursPart(), "heure", "heures"),
            part(duration.toMinutesPart(), "minute", "minutes")));
      }
      Period period = Period.parse(isoDuration);
      return join(List.of(part(period.getYears(), "an", "ans"), part(period.getMonths(), "mois", "mois"),
          part(period.getDays(), "jour", "jours")));
    } catch (DateTimeParseException notADuration) {
      return isoDuration;
    }
  }

  private static String part(long amount, String one, String many) {
    return amount == 0 ? "" : amount + " " + (amount == 1 ? one : many);
  }

  private static String join(List<String> parts) {
    List<String> present = parts.stream().filter(part -> !part.isEmpty()).toList();
    if (present.size() <= 1) {
      return present.isEmpty() ? "0 jour" : present.get(0);
    }
    return String.join(", ", present.subList(0, present.size() - 1)) + " et " + present.get(present.size() - 1);
  }
}
