package org.pedaflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FrenchDatesTest {

  @Test
  void theFirstOfTheMonthIsAnOrdinal() {
    assertThat(LocalDate.of(2026, 9, 1).format(FrenchDates.LONG)).isEqualTo("1er septembre 2026");
    assertThat(LocalDate.of(2025, 10, 1).format(FrenchDates.WITH_WEEKDAY)).isEqualTo("mercredi 1er octobre 2025");
  }

  @Test
  void theOtherDaysAreNumbers() {
    assertThat(LocalDate.of(2026, 1, 15).format(FrenchDates.LONG)).isEqualTo("15 janvier 2026");
    assertThat(LocalDate.of(2026, 2, 2).format(FrenchDates.LONG)).isEqualTo("2 février 2026");
    assertThat(LocalDate.of(2026, 8, 31).format(FrenchDates.WITH_WEEKDAY)).isEqualTo("lundi 31 août 2026");
  }

  @Test
  void theMailTemplatesWriteAnIsoDateOut() {
    assertThat(FrenchDates.IN_TEMPLATES.longDate("2026-09-01")).isEqualTo("1er septembre 2026");
    assertThat(FrenchDates.IN_TEMPLATES.longDate("2026-01-15T10:00:00")).isEqualTo("15 janvier 2026");
    assertThat(FrenchDates.IN_TEMPLATES.longDate(null)).isNull();
  }
}
