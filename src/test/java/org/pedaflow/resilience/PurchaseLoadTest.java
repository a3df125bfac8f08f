package org.pedaflow.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pedaflow.purchase.PurchaseProcess;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * Load on {@code learning-lab-purchase} (not part of {@code mvn verify}: tag {@code load}, run with
 * {@code mvn -Pload test}). {@code pedaflow.load.clients} clients (default 8, at most 64) drive, for
 * {@code pedaflow.load.seconds} seconds (default 30, at most 600), purchase requests over REST on
 * loopback as their actors: start (a teacher), pedagogical opinion (ines), lab manager approval (lea or
 * paul), budget (marc, one request in four), after three unmeasured requests of warm-up. Then the
 * asynchronous steps run, and every acknowledged
 * request must be waiting for its delivery with its purchase order: none lost. Prints throughput, p50/p95
 * latency per kind of request, errors and lost instances; asserts only zero errors and zero lost.
 */
@Tag("load")
class PurchaseLoadTest extends PedaflowIntegrationTest {

  private static final String START = "/process-definition/key/" + PurchaseProcess.PROCESS_KEY + "/start";

  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<String[]> acknowledged = new CopyOnWriteArrayList<>();

  @Test
  void purchaseRequestsUnderLoad() throws Exception {
    int clients = Math.min(64, Math.max(1, Integer.getInteger("pedaflow.load.clients", 8)));
    int seconds = Math.min(600, Math.max(1, Integer.getInteger("pedaflow.load.seconds", 30)));
    AtomicInteger sequence = new AtomicInteger();
    // Warm-up, not measured: the first requests pay for class loading, JIT and the FEEL engine.
    for (int i = 0; i < 3; i++) {
      drive(sequence.incrementAndGet());
    }
    latencies.clear();
    int warmUp = acknowledged.size();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();

    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long begin = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        while (System.nanoTime() < end) {
          int n = sequence.incrementAndGet();
          try {
            drive(n);
          } catch (RuntimeException e) {
            errors.add(n + " : " + e.getMessage());
          }
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)).as("clients arrêtés").isTrue();
    double elapsed = (System.nanoTime() - begin) / 1e9;

    awaitAllJobs();
    int lost = 0;
    for (String[] request : acknowledged) {
      String id = request[0];
      boolean waiting = taskService.createTaskQuery().processInstanceId(id)
          .taskDefinitionKey(PurchaseProcess.REGISTER_DELIVERY).count() == 1;
      boolean ordered = waiting && runtimeService.getVariable(id, PurchaseProcess.PURCHASE_ORDER_NUMBER) != null;
      long sameKey = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(request[1]).count();
      if (!ordered || sameKey != 1) {
        lost++;
      }
    }

    int requests = latencies.values().stream().mapToInt(List::size).sum();
    StringBuilder report = new StringBuilder(String.format(
        "%nCharge learning-lab-purchase : %d clients pendant %d s (%.1f s écoulées)%n"
            + "  demandes d'achat menées jusqu'à la commande : %d (%.1f par seconde)%n"
            + "  requêtes REST : %d (%.1f par seconde)%n",
        clients, seconds, elapsed, acknowledged.size() - warmUp, (acknowledged.size() - warmUp) / elapsed, requests,
        requests / elapsed));
    List<String> kinds = new ArrayList<>(latencies.keySet());
    Collections.sort(kinds);
    for (String kind : kinds) {
      List<Long> sorted = new ArrayList<>(latencies.get(kind));
      Collections.sort(sorted);
      report.append(String.format("  %-28s n=%-6d p50=%4d ms  p95=%4d ms  max=%4d ms%n", kind, sorted.size(),
          percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1)));
    }
    report.append(String.format("  erreurs : %d   instances perdues : %d (sur %d demandes, dont %d d'échauffement)%n",
        errors.size(), lost, acknowledged.size(), warmUp));
    System.out.print(report);
    System.err.print(report);

    assertThat(errors).as("erreurs").isEmpty();
    assertThat(lost).as("instances perdues").isZero();
  }

  private void drive(int n) {
    String requester = n % 2 == 0 ? "claire" : "thomas";
    double unitPrice = n % 4 == 0 ? 2400.0 : 180.0;
    Map<String, Object> request = Map.of(
        PurchaseProcess.ITEM_DESCRIPTION, "Tablette graphique n° " + n,
        PurchaseProcess.QUANTITY, 1,
        PurchaseProcess.UNIT_PRICE_EUR, unitPrice,
        PurchaseProcess.SUPPLIER, "Wacom Europe",
        PurchaseProcess.PEDAGOGICAL_JUSTIFICATION, "Cours de dessin numérique en première année",
        PurchaseProcess.BUDGET_LINE, "LL-2026-EQUIPEMENT");
    Api.Response started = timed("POST start", () -> rest(requester).post(START, restVariables(request)), 200);
    JsonNode instance = started.json();
    String id = instance.get("id").asText();
    complete("ines", id, Map.of(PurchaseProcess.OPINION_FAVOURABLE, true));
    complete(n % 3 == 0 ? "paul" : "lea", id, Map.of(PurchaseProcess.LAB_MANAGER_APPROVED, true));
    if (unitPrice > 1000) {
      complete("marc", id, Map.of(PurchaseProcess.BUDGET_APPROVED, true,
          PurchaseProcess.BUDGET_COMMITMENT_NUMBER, "ENG-" + n));
    }
    acknowledged.add(new String[] {id, instance.get("businessKey").asText()});
  }

  private void complete(String user, String processInstanceId, Map<String, Object> variables) {
    Api api = rest(user);
    Api.Response tasks = timed("GET task (liste)", () -> api.get("/task?processInstanceId=" + processInstanceId), 200);
    if (tasks.json().size() != 1) {
      throw new IllegalStateException(user + " voit " + tasks.json().size() + " tâches de " + processInstanceId);
    }
    String taskId = tasks.json().get(0).get("id").asText();
    timed("POST task complete", () -> api.post("/task/" + taskId + "/complete", restVariables(variables)), 204);
  }

  private Api.Response timed(String kind, Supplier<Api.Response> call, int expectedStatus) {
    long start = System.nanoTime();
    Api.Response response = call.get();
    latencies.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>()).add((System.nanoTime() - start) / 1_000_000);
    if (response.status() != expectedStatus) {
      throw new IllegalStateException(kind + " → HTTP " + response.status() + " " + response.body());
    }
    return response;
  }

  /** Like {@code awaitJobs()}, with room for the backlog a long run leaves (at most 10 minutes). */
  private void awaitAllJobs() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (managementService.createJobQuery().executable().count() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private static long percentile(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
