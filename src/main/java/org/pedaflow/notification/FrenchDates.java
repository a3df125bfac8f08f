package org.pedaflow.notification;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Dates written out in French sentences: « 1er septembre 2026 », « mercredi 1er octobre 2025 ». */
public final class FrenchDates {

  /** « 1er septembre 2026 », « 15 janvier 2026 ». */
  public static final DateTimeFormatter LONG = formatter(false);

  /** « mercredi 1er octobre 2025 ». */
  public static final DateTimeFormatter WITH_WEEKDAY = formatter(true);

  private FrenchDates() {}

  private static DateTimeFormatter formatter(boolean withWeekday) {
    Map<Long, String> days = new HashMap<>();
    for (long day = 1; day <= 31; day++) {
      days.put(day, day == 1 ? "1er" : Long.toString(day)); // French writes the first of the month as an ordinal
    }
    DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
    if (withWeekday) {
      builder.appendPattern("EEEE ");
    }
    return builder.appendText(ChronoField.DAY_OF_MONTH, days).appendPattern(" MMMM yyyy").toFormatter(Locale.FRANCE);
  }
}
