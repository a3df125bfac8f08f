package org.pedaflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up of a packaged Spring Boot jar to a ready REST API ({@code GET /engine-rest/engine}
 * answers 200), and its resident memory (VmRSS) a moment later, on a fresh database (cold) and again
 * on the same database (warm, the usual restart). Each start is a separate JVM with default options.
 */
final class StartupBench {

  /** How long after the REST API answered the resident memory is read. */
  static final Duration SETTLE = Duration.ofSeconds(3);

  /** One way to launch an application. */
  record Launch(String name, Path jar, List<String> jvmOptions, Map<String, String> environment, String user,
      String password, List<String> launcher) {

    Launch(String name, Path jar, List<String> jvmOptions, Map<String, String> environment, String user, String password) {
      this(name, jar, jvmOptions, environment, user, password, List.of());
    }

    /** The command before the application's arguments: a launcher script, or {@code java [options] -jar jar}. */
    List<String> command() {
      if (!launcher.isEmpty()) {
        return launcher;
      }
      List<String> command = new ArrayList<>();
      command.add(javaBin());
      command.addAll(jvmOptions);
      command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
      return command;
    }
  }

  /**
   * One start: time to a ready REST API, the CPU time the JVM had used by then (user + system, all
   * threads; much less sensitive than the wall clock to other work on the machine), resident memory after.
   */
  record Start(double seconds, double cpuSeconds, double rssMegabytes) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path logs;

  StartupBench(Path logs) {
    this.logs = logs;
  }

  /** Starts the application in {@code workDir} (its database and data live there), measures, stops it. */
  Start start(Launch launch, Path workDir, String label) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    int port = freePort();
    List<String> command = new ArrayList<>(launch.command());
    command.add("--server.port=" + port);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(logs.resolve(label + ".log").toFile());
    builder.environment().putAll(launch.environment());
    long started = System.nanoTime();
    Process process = builder.start();
    try {
      URI ready = URI.create("http://localhost:" + port + "/engine-rest/engine");
      String authorization = "Basic " + Base64.getEncoder()
          .encodeToString((launch.user() + ":" + launch.password()).getBytes(StandardCharsets.UTF_8));
      long deadline = started + TimeUnit.MINUTES.toNanos(3);
      while (!answers(ready, authorization)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(label + " stopped before it was ready; see " + logs.resolve(label + ".log"));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(label + " not ready after 3 minutes");
        }
        Thread.sleep(25);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = cpuSeconds(process.pid());
      Thread.sleep(SETTLE.toMillis());
      return new Start(seconds, cpuSeconds, residentMegabytes(process.pid()));
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Class data sharing as Spring Boot documents it: the jar extracted, one training run that stops
   * after the context refresh and writes the archive, then every start with {@code -XX:SharedArchiveFile}.
   */
  Launch withClassDataSharing(Launch launch, Path cdsDir) throws IOException, InterruptedException {
    deleteRecursively(cdsDir);
    Files.createDirectories(cdsDir);
    run(List.of(javaBin(), "-Djarmode=tools", "-jar", launch.jar().toAbsolutePath().toString(), "extract",
        "--destination", cdsDir.resolve("app").toString()), cdsDir, Map.of(), launch.name() + "-cds-extract");
    Path jar = cdsDir.resolve("app").resolve(launch.jar().getFileName());
    Path archive = cdsDir.resolve("application.jsa");
    Path training = cdsDir.resolve("training");
    Files.createDirectories(training);
    run(List.of(javaBin(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
        jar.toString(), "--server.port=0"), training, launch.environment(), launch.name() + "-cds-training");
    if (!Files.exists(archive)) {
      throw new IllegalStateException("no CDS archive written for " + launch.name());
    }
    List<String> options = new ArrayList<>(launch.jvmOptions());
    options.add("-XX:SharedArchiveFile=" + archive);
    return new Launch(launch.name() + " + CDS", jar, options, launch.environment(), launch.user(), launch.password());
  }

  /**
   * Pedaflow as its launcher {@code bin/pedaflow} starts it (class data sharing and the serial
   * collector), after its one-time preparation, which is timed separately.
   */
  Launch withLauncher(String name, Path script, Launch launch, Path runtime) throws IOException, InterruptedException {
    deleteRecursively(runtime);
    Map<String, String> environment = new java.util.HashMap<>(launch.environment());
    environment.put("PEDAFLOW_JAR", launch.jar().toAbsolutePath().toString());
    environment.put("PEDAFLOW_HOME", runtime.toAbsolutePath().toString());
    environment.put("JAVA", javaBin());
    Files.createDirectories(runtime);
    long started = System.nanoTime();
    run(List.of("sh", script.toAbsolutePath().toString(), "prepare"), runtime, environment,
        name.replaceAll("\\W+", "-") + "-prepare");
    preparationSeconds = (System.nanoTime() - started) / 1e9;
    return new Launch(name, launch.jar(), List.of(), environment, launch.user(), launch.password(),
        List.of("sh", script.toAbsolutePath().toString()));
  }

  private double preparationSeconds;

  /** How long the last {@link #withLauncher} preparation took (extraction and training run). */
  double preparationSeconds() {
    return preparationSeconds;
  }

  private void run(List<String> command, Path dir, Map<String, String> environment, String label)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(logs.resolve(label + ".log").toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(label + " failed; see " + logs.resolve(label + ".log"));
    }
  }

  private boolean answers(URI uri, String authorization) {
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", authorization)
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static double residentMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** utime + stime of /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
  private static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
