package org.pedaflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** References are unique under concurrency, as two nodes sharing a database would ask for them. */
class ReferenceGeneratorTest extends PedaflowIntegrationTest {

  @Autowired ReferenceGenerator references;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

  @Test
  void eightThreadsAskingForFiveHundredEachNeverGetTheSameReference() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          int duplicates = 0;
          for (int i = 0; i < 500; i++) {
            if (!seen.add(references.next(ReferenceType.PO))) {
              duplicates++;
            }
          }
          return duplicates;
        }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(4000);
    assertThat(seen).allMatch(reference -> reference.matches("PO-" + Year.now().getValue() + "-\\d{4,}"));
  }

  @Test
  void aNewYearsSequenceGoesOnWhereTheFormerCounterTableStood() {
    // a database upgraded from the counter table: ACH-2099-0041 was the last reference handed out
    jdbc.update("DELETE FROM pedaflow_reference_counter WHERE prefix = 'ACH' AND ref_year = 2099");
    jdbc.update("INSERT INTO pedaflow_reference_counter (prefix, ref_year, last_value) VALUES ('ACH', 2099, 41)");
    jdbc.execute("DROP SEQUENCE IF EXISTS pedaflow_ref_ach_2099");

    assertThat(references.next(ReferenceType.ACH, 2099)).isEqualTo("ACH-2099-0042");
    assertThat(references.next(ReferenceType.ACH, 2099)).isEqualTo("ACH-2099-0043");
    // and a year without a counter row starts at 1
    jdbc.execute("DROP SEQUENCE IF EXISTS pedaflow_ref_po_2098");
    assertThat(references.next(ReferenceType.PO, 2098)).isEqualTo("PO-2098-0001");
  }

  @Test
  void aReferenceTakenInsideATransactionThatRollsBackIsNotHandedOutAgain() {
    String first = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(status -> {
      String taken = references.next(ReferenceType.HYB);
      status.setRollbackOnly();
      return taken;
    });
    String second = references.next(ReferenceType.HYB);
    assertThat(Integer.parseInt(second.substring(9))).isGreaterThan(Integer.parseInt(first.substring(9)));
  }

  @Test
  void eachKindHasItsOwnCounter() {
    String label = references.next(ReferenceType.LABEL);
    String onboarding = references.next(ReferenceType.ONB);

    assertThat(label).startsWith("LABEL-" + Year.now().getValue() + "-");
    assertThat(onboarding).startsWith("ONB-" + Year.now().getValue() + "-");
    int next = Integer.parseInt(references.next(ReferenceType.LABEL).substring(11));
    assertThat(next).isEqualTo(Integer.parseInt(label.substring(11)) + 1);
  }
}
