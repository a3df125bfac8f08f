package org.pedaflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pedaflow.labelling.LabellingProcess;
import org.pedaflow.purchase.PurchaseProcess;
import org.pedaflow.resilience.Flows.Expected;
import org.pedaflow.resilience.Flows.Started;
import org.pedaflow.test.Api;

/**
 * The server dies ({@code kill -9}) with asynchronous jobs waiting and requests on the wire, then
 * restarts on the same H2 file database: every instance whose start was acknowledged is there once,
 * the waiting jobs run, and each instance gets its one e-mail (outbox), its one purchase order or label.
 */
class CrashRecoveryTest {

  private static final int PURCHASES = 12;
  private static final int GRANTED = 8;
  private static final int INELIGIBLE = 12;
  private static final int IN_FLIGHT_CLIENTS = 4;

  @Test
  void aKilledServerLosesNothingAndRunsItsPendingJobsOnceAfterRestart() throws Exception {
    assumeThat(TestPostgres.selected()).as("ce test a sa propre base H2 : pas de seconde exécution").isFalse();
    Path dataDir = Path.of("target", "test-data", "crash-" + UUID.randomUUID()).toAbsolutePath();
    List<Started> acknowledged = new CopyOnWriteArrayList<>();

    // 1. Jobs pile up: the job executor is off.
    try (ApplicationProcess app = ApplicationProcess.start(dataDir, "before-crash.log",
        "--camunda.bpm.job-execution.enabled=false")) {
      Function<String, Api> api = app::rest;
      for (int n = 0; n < PURCHASES; n++) {
        acknowledged.add(Flows.purchaseUpToOrder(api, n % 2 == 0 ? "claire" : "thomas", n % 3 == 0 ? 2500.0 : 300.0, n));
      }
      for (int n = 0; n < GRANTED; n++) {
        acknowledged.add(Flows.grantedApplication(api, "claire", n));
      }
      for (int n = 0; n < INELIGIBLE; n++) {
        acknowledged.add(Flows.ineligibleApplication(api, "thomas", n));
      }
      assertThat(count(app.rest("admin"), "/job/count?executable=true"))
          .as("tâches asynchrones en attente avant l'arrêt brutal").isEqualTo(PURCHASES + GRANTED + INELIGIBLE);

      // 2. Requests on the wire: clients keep starting applications while the server is killed.
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      List<RuntimeException> unexpectedAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int c = 0; c < IN_FLIGHT_CLIENTS; c++) {
        int client = c;
        Thread thread = new Thread(() -> {
          for (int n = 1000 * (client + 1); !stop.get(); n++) {
            try {
              acknowledged.add(Flows.ineligibleApplication(api, "claire", n));
            } catch (java.io.UncheckedIOException connectionLost) {
              return; // the server is gone
            } catch (RuntimeException answer) {
              unexpectedAnswers.add(answer); // an HTTP answer other than success, before the kill
              return;
            }
          }
        });
        thread.start();
        clients.add(thread);
      }
      int before = acknowledged.size();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (acknowledged.size() < before + 20 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(acknowledged.size()).as("the clients are starting applications when the server is killed")
          .isGreaterThanOrEqualTo(before + 20);
      int exit = app.killHard();
      stop.set(true);
      for (Thread thread : clients) {
        thread.join();
      }
      assertThat(unexpectedAnswers).as("every answer before the kill was a success").isEmpty();
      assertThat(exit).as("statut de sortie : tué par SIGKILL (128 + 9)").isEqualTo(137);
    }
    List<Started> expected = List.copyOf(acknowledged);

    // 3. Restart on the same database, job executor on: the pending jobs run.
    Map<String, JsonNode> instances;
    try (ApplicationProcess app = ApplicationProcess.start(dataDir, "after-crash.log")) {
      Api admin = app.rest("admin");
      awaitNoDueJob(admin, app);
      instances = historicInstances(admin);

      // every acknowledged instance is there once; unacknowledged starts (killed mid-request) may or may not be
      assertThat(instances.keySet()).containsAll(expected.stream().map(Started::processInstanceId).toList());
      assertThat(instances.size()).isLessThanOrEqualTo(expected.size() + IN_FLIGHT_CLIENTS);
      assertThat(instances.values()).extracting(i -> i.get("businessKey").asText()).doesNotHaveDuplicates()
          .allMatch(key -> key.matches("(ACH|HYB)-\\d{4}-\\d{4}"));
      assertThat(count(admin, "/incident/count")).as("incidents").isZero();

      for (Started instance : expected) {
        JsonNode history = instances.get(instance.processInstanceId());
        assertThat(history.get("businessKey").asText()).isEqualTo(instance.businessKey());
        switch (instance.expected()) {
          case PURCHASE_AWAITING_DELIVERY -> {
            JsonNode tasks = admin.get("/task?processInstanceId=" + instance.processInstanceId()).json();
            assertThat(tasks.size()).as(instance.businessKey()).isEqualTo(1);
            assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(PurchaseProcess.REGISTER_DELIVERY);
          }
          case LABELLING_GRANTED -> assertEndedAt(admin, history, LabellingProcess.EndEvents.LABEL_GRANTED);
          case LABELLING_INELIGIBLE -> assertEndedAt(admin, history, LabellingProcess.EndEvents.COURSE_INELIGIBLE);
        }
      }
      // an instance started by a request that never got its answer went the whole way too
      instances.values().stream()
          .filter(i -> expected.stream().noneMatch(e -> e.processInstanceId().equals(i.get("id").asText())))
          .forEach(i -> assertEndedAt(admin, i, LabellingProcess.EndEvents.COURSE_INELIGIBLE));
      assertThat(app.stop()).as("arrêt normal").isIn(0, 143);
    }

    // 4. The outbox and the tables, read once the application has stopped.
    Map<String, Integer> mails = outboxByReference(dataDir.resolve("outbox"));
    Map<String, Integer> expectedMails = new HashMap<>();
    instances.values().forEach(i -> expectedMails.put(i.get("businessKey").asText(), 1));
    assertThat(mails).as("un courriel par instance, pas un de plus").isEqualTo(expectedMails);
    try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("pedaflow"), "sa", "")) {
      assertThat(column(h2, "SELECT business_key FROM purchase_order"))
          .containsExactlyInAnyOrderElementsOf(keys(expected, Expected.PURCHASE_AWAITING_DELIVERY));
      assertThat(column(h2, "SELECT order_number FROM purchase_order")).doesNotHaveDuplicates();
      assertThat(column(h2, "SELECT business_key FROM labelling_label_register"))
          .containsExactlyInAnyOrderElementsOf(keys(expected, Expected.LABELLING_GRANTED));
    }
    System.out.printf("Arrêt brutal : %d instances acquittées (dont %d pendant l'arrêt), %d présentes après "
        + "redémarrage, %d courriels%n", expected.size(), expected.size() - PURCHASES - GRANTED - INELIGIBLE,
        instances.size(), mails.values().stream().mapToInt(Integer::intValue).sum());
  }

  private static void assertEndedAt(Api admin, JsonNode history, String endEvent) {
    String id = history.get("id").asText();
    assertThat(history.get("state").asText()).as(history.get("businessKey").asText()).isEqualTo("COMPLETED");
    assertThat(count(admin, "/history/activity-instance/count?processInstanceId=" + id + "&activityId=" + endEvent))
        .as("%s terminée par %s", history.get("businessKey").asText(), endEvent).isEqualTo(1);
  }

  private static List<String> keys(List<Started> instances, Expected kind) {
    return instances.stream().filter(i -> i.expected() == kind).map(Started::businessKey).toList();
  }

  private static long count(Api api, String path) {
    Api.Response response = api.get(path);
    assertThat(response.status()).as(path).isEqualTo(200);
    return response.json().get("count").asLong();
  }

  private static void awaitNoDueJob(Api admin, ApplicationProcess app) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (count(admin, "/job/count?executable=true") > 0) {
      if (System.nanoTime() > deadline) {
        fail("Tâches asynchrones encore dues 2 minutes après le redémarrage :\n" + app.logTail());
      }
      Thread.sleep(250);
    }
  }

  private static Map<String, JsonNode> historicInstances(Api admin) {
    JsonNode list = admin.get("/history/process-instance?maxResults=10000").json();
    Map<String, JsonNode> byId = new HashMap<>();
    list.forEach(instance -> assertThat(byId.put(instance.get("id").asText(), instance)).isNull());
    return byId;
  }

  /** Business key (header X-Pedaflow-Reference) → number of .eml files in the outbox. */
  private static Map<String, Integer> outboxByReference(Path outbox) throws Exception {
    Map<String, Integer> byReference = new HashMap<>();
    Session session = Session.getInstance(new Properties());
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          byReference.merge(new MimeMessage(session, in).getHeader("X-Pedaflow-Reference", null), 1, Integer::sum);
        }
      }
    }
    return byReference;
  }

  private static List<String> column(Connection connection, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
