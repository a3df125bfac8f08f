package org.pedaflow.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pedaflow.labelling.LabellingTestSupport;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every start takes its business key in a transaction of its own, so each request being started
 * holds two database connections for a moment. A burst of starts (a deadline day) must wait for the
 * connections, not take the first of all of them and wait for ever for the second: the web threads
 * and the job executor's are fewer than half the pool ({@code application.yaml}).
 */
class BurstOfStartsTest extends PedaflowIntegrationTest {

  private static final int CLIENTS = 48;

  @Test
  void fortyEightApplicationsAtTheSameMomentAreAllStartedWithTheirOwnReference() throws Exception {
    Map<String, Object> application = restVariables(LabellingTestSupport.application("HIS-104", 40));
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Callable<Api.Response>> starts = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        starts.add(() -> rest("claire").post("/process-definition/key/hybrid-course-labelling/start", application));
      }
      Set<String> references = new HashSet<>();
      for (Future<Api.Response> started : clients.invokeAll(starts)) {
        Api.Response response = started.get();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        references.add(response.json().get("businessKey").asText());
      }
      assertThat(references).hasSize(CLIENTS).allMatch(reference -> reference.matches("HYB-\\d{4}-\\d{4,}"));
    } finally {
      clients.shutdownNow();
    }
  }
}
