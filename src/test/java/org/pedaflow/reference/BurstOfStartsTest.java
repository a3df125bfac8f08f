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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pedaflow.resilience.ApplicationProcess;

/**
 * A burst of starts (a deadline day) waits for the database connections instead of taking all of
 * them and waiting for ever for one more: a start takes its business key from a sequence on its own
 * connection ({@link ReferenceGenerator}), so it never needs a second one. Checked on the application
 * as configured, and on one with four times as many web threads as connections.
 */
class BurstOfStartsTest extends PedaflowIntegrationTest {

  private static final int CLIENTS = 48;

  @Test
  void fortyEightApplicationsAtTheSameMomentAreAllStartedWithTheirOwnReference() throws Exception {
    assertAllStarted(() -> rest("claire"));
  }

  @Test
  void moreWebThreadsThanConnectionsStillStartEveryApplication(@TempDir Path dataDir) throws Exception {
    // 4 connections for 16 web threads: with a second connection per start (the business key in a
    // transaction of its own, as before), 4 starts took the 4 and the burst failed after 30 s
    try (ApplicationProcess app = ApplicationProcess.start(dataDir, "burst.log",
        "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=4",
        "--spring.datasource.hikari.connection-timeout=20000", "--server.tomcat.threads.max=16",
        "--camunda.bpm.job-execution.enabled=false")) {
      assertAllStarted(() -> app.rest("claire"));
    }
  }

  private void assertAllStarted(java.util.function.Supplier<Api> claire) throws Exception {
    Map<String, Object> application = restVariables(LabellingTestSupport.application("HIS-104", 40));
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Callable<Api.Response>> starts = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        starts.add(() -> claire.get().post("/process-definition/key/hybrid-course-labelling/start", application));
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
