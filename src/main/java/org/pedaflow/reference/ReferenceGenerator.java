package org.pedaflow.reference;

import java.time.Clock;
import java.time.Year;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references such as {@code ACH-2026-0042}. The counter lives in the database and is
 * incremented under a row lock in a transaction of its own, so two nodes sharing one database never
 * hand out the same reference, and a rolled-back process transaction only leaves a gap.
 */
@Service
public class ReferenceGenerator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public ReferenceGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = Clock.systemDefaultZone();
  }

  public String next(ReferenceType type) {
    int year = Year.now(clock).getValue();
    long value = nextValue(type.prefix(), year);
    return String.format("%s-%d-%04d", type.prefix(), year, value);
  }

  private long nextValue(String prefix, int year) {
    for (int attempt = 0; ; attempt++) {
      try {
        Long value = ownTransaction.execute(status -> {
          int updated = jdbc.update(
              "UPDATE pedaflow_reference_counter SET last_value = last_value + 1 WHERE prefix = ? AND ref_year = ?",
              prefix, year);
          if (updated == 0) {
            jdbc.update("INSERT INTO pedaflow_reference_counter (prefix, ref_year, last_value) VALUES (?, ?, 1)",
                prefix, year);
            return 1L;
          }
          return jdbc.queryForObject(
              "SELECT last_value FROM pedaflow_reference_counter WHERE prefix = ? AND ref_year = ?",
              Long.class, prefix, year);
        });
        return value;
      } catch (DuplicateKeyException firstOfTheYearRace) {
        // another thread created the counter row at the same moment: increment it instead
        if (attempt >= 3) {
          throw firstOfTheYearRace;
        }
      }
    }
  }
}
