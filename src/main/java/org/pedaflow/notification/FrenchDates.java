package org.pedaflow.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dates written out in French sentences: « 1er septembre 2026 », « mercredi 1er octobre 2025 ». The
 * mail templates see it as {@code dates}: {@code ${dates.longDate(startDate)}}.
 */
public final class FrenchDates {

  /** « 1er septembre 2026 », « 15 janvier 2026 ». */
  public static final DateTimeFormatter LONG = formatter(false);

  /** « mercredi 1er octobre 2025 ». */
  public static final DateTimeFormatter WITH_WEEKDAY = formatter(true);

  /** What the mail templates call ({@link ProcessMailModel}). */
  public static final FrenchDates IN_TEMPLATES = new FrenchDates();

  private FrenchDates() {}

  /** An ISO date (« 2026-09-01 », or the date of a date-time) as « 1er septembre 2026 »; null stays null. */
  public String longDate(Object isoDate) {
    return isoDate == null ? null : LocalDate.parse(isoDate.toString().substring(0, 10)).format(LONG);
  }

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
