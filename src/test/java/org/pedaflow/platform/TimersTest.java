package org.pedaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delays the mails state, as configured ({@code pedaflow.timers.*}), written out in French. */
class TimersTest {

  @Test
  void dateBasedDurations() {
    assertThat(Timers.inFrench("P30D")).isEqualTo("30 jours");
    assertThat(Timers.inFrench("P1D")).isEqualTo("1 jour");
    assertThat(Timers.inFrench("P2W")).isEqualTo("14 jours");
    assertThat(Timers.inFrench("P1M")).isEqualTo("1 mois");
    assertThat(Timers.inFrench("P1Y2M3D")).isEqualTo("1 an, 2 mois et 3 jours");
  }

  @Test
  void timeBasedDurations() {
    assertThat(Timers.inFrench("PT48H")).isEqualTo("2 jours");
    assertThat(Timers.inFrench("PT36H")).isEqualTo("1 jour et 12 heures");
    assertThat(Timers.inFrench("PT5M")).isEqualTo("5 minutes");
  }

  @Test
  void aValueThatIsNotADurationIsGivenAsItIs() {
    assertThat(Timers.inFrench("R2/P7D")).isEqualTo("R2/P7D");
  }

  @Test
  void theConfiguredValueWinsOverTheModelsDefault() {
    PedaflowProperties properties = new PedaflowProperties();
    properties.getTimers().put("labelling.revision-deadline", "P45D");
    Timers timers = new Timers(properties);
    assertThat(timers.inFrench("labelling.revision-deadline", "P30D")).isEqualTo("45 jours");
    assertThat(timers.inFrench("purchase.delivery-reminder", "P60D")).isEqualTo("60 jours");
  }
}
