package org.pedaflow.resilience;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.pedaflow.PedaflowApplication;
import org.pedaflow.test.Api;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One Pedaflow application in this JVM, as a node of a cluster: profile {@code demo}, its own engine
 * name, a random port, no webapps, the job executor on. Several nodes live in one JVM, and Camunda's
 * REST API finds engines by name in a JVM-wide registry, so every call goes to
 * {@code /engine-rest/engine/<this node's engine>}: a node's REST API then works only on its own engine.
 */
final class PedaflowNode implements AutoCloseable {

  private final String engineName;
  private final ConfigurableApplicationContext context;

  private PedaflowNode(String engineName, ConfigurableApplicationContext context) {
    this.engineName = engineName;
    this.context = context;
  }

  /** Starts a node on a PostgreSQL database (user {@code postgres}, no password), mail to an SMTP port. */
  static PedaflowNode start(String engineName, String jdbcUrl, Path dataDir, int smtpPort, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--pedaflow.data-dir=" + dataDir,
        "--pedaflow.base-url=http://pedaflow.test",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.job-execution.enabled=true",
        "--camunda.bpm.webapp.enabled=false",
        "--server.port=0",
        "--spring.jmx.enabled=false",
        "--spring.main.banner-mode=off"));
    args.addAll(List.of(extra));
    SpringApplication application = new SpringApplication(PedaflowApplication.class);
    application.setAdditionalProfiles("demo");
    return new PedaflowNode(engineName, application.run(args.toArray(String[]::new)));
  }

  String engineName() {
    return engineName;
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** This node's REST API as one demo user (password = user id). */
  Api rest(String user) {
    return new Api("http://localhost:" + port() + "/engine-rest/engine/" + engineName, user, user);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  JdbcTemplate jdbc() {
    return context.getBean(JdbcTemplate.class);
  }

  @Override
  public void close() {
    context.close();
  }
}
