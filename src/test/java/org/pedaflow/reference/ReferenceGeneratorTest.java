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
  void eachKindHasItsOwnCounter() {
    String label = references.next(ReferenceType.LABEL);
    String onboarding = references.next(ReferenceType.ONB);

    assertThat(label).startsWith("LABEL-" + Year.now().getValue() + "-");
    assertThat(onboarding).startsWith("ONB-" + Year.now().getValue() + "-");
    int next = Integer.parseInt(references.next(ReferenceType.LABEL).substring(11));
    assertThat(next).isEqualTo(Integer.parseInt(label.substring(11)) + 1);
  }
}
