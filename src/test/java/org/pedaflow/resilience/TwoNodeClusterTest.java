package org.pedaflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pedaflow.labelling.LabellingProcess;
import org.pedaflow.purchase.PurchaseProcess;
import org.pedaflow.resilience.Flows.Expected;
import org.pedaflow.resilience.Flows.Started;
import org.pedaflow.test.Api;

/**
 * Two Pedaflow nodes sharing one PostgreSQL database, both running jobs. 300 instances (purchases up to
 * their order, eligible applications up to the label, ineligible ones) are driven concurrently over
 * REST, each call on either node. Then: every asynchronous job ran exactly once (one success in the job
 * log per job, one purchase order, one label, one e-mail per instance), every business key and number
 * is unique, and every instance stands where it should.
 */
class TwoNodeClusterTest {

  private static final int INSTANCES = 300;
  private static final int CLIENTS = 24;

  private static GreenMail greenMail;
  private static PedaflowNode nodeA;
  private static PedaflowNode nodeB;

  @BeforeAll
  static void startCluster(@TempDir Path dataDir) {
    assumeThat(TestPostgres.selected()).as("la grappe a sa propre base PostgreSQL : pas de seconde exécution").isFalse();
    greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    String database = TestPostgres.newDatabase("pedaflow_cluster");
    int smtp = greenMail.getSmtp().getPort();
    // One after the other: the first node creates the schema and deploys, the second finds both done.
    nodeA = PedaflowNode.start("nodeA", database, dataDir.resolve("a"), smtp);
    nodeB = PedaflowNode.start("nodeB", database, dataDir.resolve("b"), smtp);
  }

  @AfterAll
  static void stopCluster() {
    for (AutoCloseable closeable : new AutoCloseable[] {nodeB, nodeA}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // keep closing the others
      }
    }
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  @Test
  void threeHundredInstancesAcrossTwoNodesRunEachJobOnce() throws Exception {
    List<Started> started = driveConcurrently();
    ProcessEngine engine = nodeA.engine();
    awaitNoDueJob(engine);

    Map<Expected, List<Started>> byKind = started.stream().collect(Collectors.groupingBy(Started::expected));
    List<Started> purchases = byKind.get(Expected.PURCHASE_AWAITING_DELIVERY);
    List<Started> granted = byKind.get(Expected.LABELLING_GRANTED);
    List<Started> ineligible = byKind.get(Expected.LABELLING_INELIGIBLE);

    // Business keys: one instance each, unique, readable.
    List<HistoricProcessInstance> all = engine.getHistoryService().createHistoricProcessInstanceQuery().list();
    assertThat(all).hasSize(INSTANCES);
    assertThat(all).extracting(HistoricProcessInstance::getBusinessKey).doesNotHaveDuplicates()
        .allMatch(key -> key.matches("(ACH|HYB)-\\d{4}-\\d{4}"));
    assertThat(all).extracting(HistoricProcessInstance::getId)
        .containsExactlyInAnyOrderElementsOf(started.stream().map(Started::processInstanceId).toList());

    // Where each instance stands.
    for (Started purchase : purchases) {
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(purchase.processInstanceId()).list())
          .as(purchase.businessKey()).singleElement()
          .extracting("taskDefinitionKey").isEqualTo(PurchaseProcess.REGISTER_DELIVERY);
    }
    assertEnded(engine, granted, LabellingProcess.EndEvents.LABEL_GRANTED);
    assertEnded(engine, ineligible, LabellingProcess.EndEvents.COURSE_INELIGIBLE);
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();

    // Purchase orders and labels: one per instance, numbers unique.
    List<Map<String, Object>> orders = nodeB.jdbc().queryForList("SELECT order_number, business_key FROM purchase_order");
    assertThat(orders).extracting(row -> (String) row.get("business_key"))
        .containsExactlyInAnyOrderElementsOf(purchases.stream().map(Started::businessKey).toList());
    assertThat(orders).extracting(row -> (String) row.get("order_number")).doesNotHaveDuplicates()
        .allMatch(number -> number.matches("PO-\\d{4}-\\d{4}"));
    List<Map<String, Object>> labels = nodeB.jdbc().queryForList(
        "SELECT label_number, process_instance_id FROM labelling_label_register");
    assertThat(labels).extracting(row -> (String) row.get("process_instance_id"))
        .containsExactlyInAnyOrderElementsOf(granted.stream().map(Started::processInstanceId).toList());
    assertThat(labels).extracting(row -> (String) row.get("label_number")).doesNotHaveDuplicates()
        .allMatch(number -> number.matches("LABEL-\\d{4}-\\d{4}"));

    // E-mails: exactly one per instance, to its starter.
    Map<String, List<MimeMessage>> mailsByKey = new java.util.HashMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      mailsByKey.computeIfAbsent(message.getHeader("X-Pedaflow-Reference", null), k -> new ArrayList<>()).add(message);
    }
    assertThat(mailsByKey.keySet()).containsExactlyInAnyOrderElementsOf(started.stream().map(Started::businessKey).toList());
    for (Started instance : started) {
      assertThat(mailsByKey.get(instance.businessKey())).as("courriels de %s", instance.businessKey()).singleElement()
          .satisfies(message -> assertThat(recipient(message)).contains(instance.starter() + "@univ.example"));
    }

    // The engine's own account: each asynchronous job succeeded once.
    List<HistoricJobLog> successes = engine.getHistoryService().createHistoricJobLogQuery().successLog().list();
    assertThat(successes).extracting(HistoricJobLog::getJobId).doesNotHaveDuplicates();
    assertThat(successes).hasSize(2 * purchases.size() + 2 * granted.size() + ineligible.size());
    long failures = engine.getHistoryService().createHistoricJobLogQuery().failureLog().count();
    Map<String, Long> perNode = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
    System.out.printf("Grappe : %d instances, %d tâches asynchrones réussies par nœud %s, %d échecs retentés "
        + "(conflits de verrouillage optimiste)%n", started.size(), successes.size(), perNode, failures);
  }

  /** 300 instances, 24 clients at once; each call goes to one node or the other. */
  private static List<Started> driveConcurrently() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Started>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < INSTANCES; i++) {
        int n = i;
        futures.add(clients.submit(() -> {
          go.await();
          return drive(n);
        }));
      }
      long begin = System.nanoTime();
      go.countDown();
      List<Started> started = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (Future<Started> future : futures) {
        try {
          started.add(future.get());
        } catch (java.util.concurrent.ExecutionException e) {
          errors.add(String.valueOf(e.getCause()));
        }
      }
      System.out.printf("Grappe : %d instances conduites par %d clients en %d ms%n", started.size(), CLIENTS,
          Duration.ofNanos(System.nanoTime() - begin).toMillis());
      assertThat(errors).as("réponses inattendues de l'API REST").isEmpty();
      return Collections.unmodifiableList(started);
    } finally {
      clients.shutdownNow();
    }
  }

  /** Instance n: a purchase (one in three above 1 000 €), or an eligible or ineligible application. */
  private static Started drive(int n) {
    // the start on one node, the tasks on the other, alternating
    PedaflowNode first = n % 2 == 0 ? nodeA : nodeB;
    PedaflowNode second = first == nodeA ? nodeB : nodeA;
    int[] calls = {0};
    Function<String, Api> api = user -> (calls[0]++ % 2 == 0 ? first : second).rest(user);
    String starter = n % 3 == 0 ? "thomas" : "claire";
    return switch (n % 4) {
      case 0, 1 -> Flows.purchaseUpToOrder(api, starter, n % 3 == 0 ? 1500.0 + n : 100.0 + n, n);
      case 2 -> Flows.grantedApplication(api, starter, n);
      default -> Flows.ineligibleApplication(api, starter, n);
    };
  }

  private static void assertEnded(ProcessEngine engine, List<Started> instances, String endEvent) {
    for (Started instance : instances) {
      HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(instance.processInstanceId()).singleResult();
      assertThat(history.getState()).as(instance.businessKey()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
      assertThat(history.getEndActivityId()).as(instance.businessKey()).isEqualTo(endEvent);
    }
  }

  /** Waits (at most 2 minutes) until no job is due: the asynchronous steps of every instance have run. */
  private static void awaitNoDueJob(ProcessEngine engine) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      if (System.nanoTime() > deadline) {
        fail("Tâches asynchrones encore dues : " + engine.getManagementService().createJobQuery().executable().list());
      }
      Thread.sleep(200);
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
