package org.pedaflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The plain Camunda 7.24 Spring Boot webapp application the start-up is compared with: its sources
 * ({@code src/test/resources/bench/plain-camunda}) are copied to {@code ${java.io.tmpdir}/plain-camunda}
 * and built there with Maven, outside the repository, when the jar is missing or older than the sources.
 */
final class PlainCamunda {

  private static final Path SOURCES = Path.of("src", "test", "resources", "bench", "plain-camunda");

  private PlainCamunda() {}

  static Path build(Path logs) throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("java.io.tmpdir"), "plain-camunda");
    Path jar = home.resolve("target").resolve("plain-camunda-1.0.0.jar");
    boolean changed = copyChanged(home);
    if (!changed && Files.exists(jar)) {
      return jar;
    }
    Process build = new ProcessBuilder(List.of("mvn", "-q", "-B", "-DskipTests", "package")).directory(home.toFile())
        .redirectErrorStream(true).redirectOutput(logs.resolve("plain-camunda-build.log").toFile()).start();
    if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0 || !Files.exists(jar)) {
      throw new IllegalStateException("plain Camunda application not built; see " + logs.resolve("plain-camunda-build.log"));
    }
    return jar;
  }

  /** Copies the sources that differ; answers whether any did. */
  private static boolean copyChanged(Path home) throws IOException {
    boolean changed = false;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path source : files.filter(Files::isRegularFile).toList()) {
        Path target = home.resolve(SOURCES.relativize(source).toString());
        if (!Files.exists(target) || Files.mismatch(source, target) != -1) {
          Files.createDirectories(target.getParent());
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          changed = true;
        }
      }
    }
    return changed;
  }
}
