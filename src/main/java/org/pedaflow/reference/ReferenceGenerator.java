package org.pedaflow.reference;

import java.time.Clock;
import java.time.Year;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references such as {@code ACH-2026-0042}, from one database sequence per kind and year
 * ({@code pedaflow_ref_ach_2026}). A sequence is shared by every node of the database, so two nodes
 * never hand out the same reference; taking a number is not part of any transaction, so a
 * rolled-back process transaction only leaves a gap (as the counter row in a transaction of its own
 * did before). Taking it uses the caller's connection: a start, or a job placing an order or issuing a
 * label, never needs a second connection of the pool for it (with a second one, a burst of starts
 * could take every connection and wait for ever for one more).
 *
 * <p>The sequences of this year and the next are created at start-up, each in a transaction of its
 * own (H2 commits around a DDL statement); a sequence still missing later (a node running across two
 * new years) is created the same way at its first use. A new sequence starts after the value the
 * former counter table ({@code pedaflow_reference_counter}) reached for its kind and year, so an
 * upgraded database goes on where it stood.
 */
@Service
public class ReferenceGenerator implements SmartInitializingSingleton {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final Set<String> existing = ConcurrentHashMap.newKeySet();
  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

  public ReferenceGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      ObjectProvider<ProcessEngineConfigurationImpl> engine) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = Clock.systemDefaultZone();
  }

  @Override
  public void afterSingletonsInstantiated() {
    int year = Year.now(clock).getValue();
    for (ReferenceType type : ReferenceType.values()) {
      ensureSequence(type.prefix(), year);
      ensureSequence(type.prefix(), year + 1);
    }
  }

  public String next(ReferenceType type) {
    return next(type, Year.now(clock).getValue());
  }

  String next(ReferenceType type, int year) {
    String sequence = ensureSequence(type.prefix(), year);
    Long value = jdbc.queryForObject(isPostgres() ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence,
        Long.class);
    return String.format("%s-%d-%04d", type.prefix(), year, value);
  }

  /** The sequence's name, after creating it if it is missing. */
  private String ensureSequence(String prefix, int year) {
    String sequence = "pedaflow_ref_" + prefix.toLowerCase(Locale.ROOT) + "_" + year;
    if (existing.contains(sequence)) {
      return sequence;
    }
    for (int attempt = 0; ; attempt++) {
      try {
        ownTransaction.executeWithoutResult(status -> {
          Long reached = jdbc.query("SELECT last_value FROM pedaflow_reference_counter WHERE prefix = ? AND ref_year = ?",
              rows -> rows.next() ? rows.getLong(1) : 0L, prefix, year);
          jdbc.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence + " START WITH " + (reached + 1)
              + (isPostgres() ? "" : " NO CACHE"));
        });
        existing.add(sequence);
        return sequence;
      } catch (DataAccessException anotherNodeCreatedIt) {
        // PostgreSQL may refuse a CREATE ... IF NOT EXISTS racing with another node's: it exists now
        if (attempt >= 2) {
          throw anotherNodeCreatedIt;
        }
      }
    }
  }

  /** The database as the engine found it ({@code h2}, {@code postgres}). */
  private boolean isPostgres() {
    return "postgres".equals(engine.getObject().getDatabaseType());
  }
}
