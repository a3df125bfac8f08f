package org.pedaflow.labelling;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Today as the process engine sees it, so that tests moving the engine clock move labels too. */
final class EngineClock {

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
  }

  private EngineClock() {}
}
