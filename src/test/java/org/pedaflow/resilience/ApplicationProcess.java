package org.pedaflow.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pedaflow.PedaflowApplication;
import org.pedaflow.test.Api;

/**
 * Pedaflow as an operator runs it: a JVM of its own ({@code java -cp <test classpath>
 * org.pedaflow.PedaflowApplication}), profile {@code demo}, on the H2 file database and the outbox of
 * its data directory, on a random port read from its log.
 */
public final class ApplicationProcess implements AutoCloseable {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
  private static final Pattern READY = Pattern.compile("Started PedaflowApplication in");

  private final Process process;
  private final Path log;
  private final int port;

  private ApplicationProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the application on {@code dataDir} and waits until it answers (at most 3 minutes). */
  public static ApplicationProcess start(Path dataDir, String logName, String... extra) throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
    Path log = dataDir.resolve(logName);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.language=fr",
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        PedaflowApplication.class.getName(),
        "--spring.profiles.active=demo",
        "--pedaflow.data-dir=" + dataDir,
        "--server.port=0",
        "--camunda.bpm.webapp.enabled=false",
        "--spring.jmx.enabled=false",
        "--spring.main.banner-mode=off"));
    // an extra setting replaces the default of the same name (webapps on, for instance)
    for (String setting : extra) {
      String name = setting.contains("=") ? setting.substring(0, setting.indexOf('=') + 1) : setting;
      command.removeIf(argument -> argument.startsWith("--") && argument.startsWith(name));
    }
    command.addAll(List.of(extra));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Matcher port = PORT.matcher(output);
      if (port.find() && READY.matcher(output).find()) {
        return new ApplicationProcess(process, log, Integer.parseInt(port.group(1)));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("L'application s'est arrêtée au démarrage :\n" + tail(log));
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("L'application n'a pas démarré en 3 minutes :\n" + tail(log));
  }

  /** {@code http://localhost:<port>}. */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public Api rest(String user) {
    return new Api(baseUrl() + "/engine-rest", user, user);
  }

  long pid() {
    return process.pid();
  }

  /**
   * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux and macOS; the exit status
   * 128 + 9 shows that the JVM died of it, with no shutdown hook run.
   */
  int killHard() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  /** A normal stop (SIGTERM): Spring closes the engine and the database. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return process.waitFor();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  public String logTail() {
    return tail(log);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
