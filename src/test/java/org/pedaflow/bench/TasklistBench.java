package org.pedaflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The task list as Tasklist asks for it, over HTTP against {@code /engine-rest} as one user (HTTP
 * Basic, authorization on): latency of each request, sequential, after a warm-up; before each
 * request (outside the measured time) an optional change, such as a colleague's work between two
 * refreshes.
 */
final class TasklistBench {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;
  private final String authorization;
  private double cpuMillisPerRequest;

  TasklistBench(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Latencies in milliseconds of {@code measured} calls after {@code warmUp} unmeasured ones, each
   * after {@code before} has run (not measured; its CPU time is in {@link #cpuMillisPerRequest}).
   */
  Stats measure(Supplier<HttpRequest.Builder> request, int warmUp, int measured, Runnable before) {
    Stats latencies = new Stats();
    long cpuStarted = 0;
    for (int i = 0; i < warmUp + measured; i++) {
      if (i == warmUp) {
        cpuStarted = ThroughputBench.processCpuNanos();
      }
      before.run();
      long started = System.nanoTime();
      String body = send(request.get());
      long elapsed = System.nanoTime() - started;
      if (i >= warmUp) {
        latencies.add(elapsed / 1e6);
      }
      if (body.isEmpty()) {
        throw new IllegalStateException("empty answer");
      }
    }
    cpuMillisPerRequest = (ThroughputBench.processCpuNanos() - cpuStarted) / 1e6 / measured;
    return latencies;
  }

  /** CPU time of the JVM (server and client) per request of the last {@link #measure}. */
  double cpuMillisPerRequest() {
    return cpuMillisPerRequest;
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
        .header("Accept", "application/json").GET();
  }

  HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
