package org.pedaflow.test;

import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.pedaflow.PedaflowApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the application: the whole of Pedaflow on a random port, profile
 * {@code demo}, on an H2 file database under {@code target/}, sending its mail to a GreenMail SMTP
 * server, with the job executor running. One Spring context serves every subclass, so do not add
 * properties, mocks or configuration in a subclass.
 */
@SpringBootTest(classes = PedaflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(ProcessEngineCoverageConfiguration.class)
public abstract class PedaflowIntegrationTest {

  /** The SMTP server the application sends to, shared by all tests of the run. */
  protected static final GreenMail greenMail = startGreenMail();

  /** The data directory of this test run (database, outbox). */
  protected static final Path DATA_DIR = Path.of("target", "test-data", "run-" + UUID.randomUUID()).toAbsolutePath();

  @LocalServerPort
  protected int port;

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected HistoryService historyService;
  @Autowired protected IdentityService identityService;
  @Autowired protected RepositoryService repositoryService;
  @Autowired protected AuthorizationService authorizationService;
  @Autowired protected JdbcTemplate jdbc;

  @DynamicPropertySource
  static void pedaflowProperties(DynamicPropertyRegistry registry) {
    registry.add("pedaflow.data-dir", DATA_DIR::toString);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
    registry.add("pedaflow.base-url", () -> "http://pedaflow.test");
    // -Dpedaflow.test.database=postgres (the pom's "postgres" test execution): an embedded PostgreSQL instead of H2
    org.pedaflow.resilience.TestPostgres.registerIfSelected(registry);
  }

  private static GreenMail startGreenMail() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  @BeforeEach
  void resetSharedState() throws Exception {
    greenMail.purgeEmailFromAllMailboxes();
    identityService.clearAuthentication();
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void forgetAuthentication() {
    identityService.clearAuthentication();
  }

  /**
   * The asynchronous steps a test left due (an order placed after its last assertion, a mail) run
   * now, so that their mails reach the server before the next test empties it, not during it.
   * Runs after the subclass's own clean-up (which puts back the clock a test moved).
   */
  @AfterEach
  void runWhatTheTestLeftDue() {
    awaitJobs();
  }

  /** The engine's configuration, to check a setting the application made. */
  protected org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl processEngineConfiguration() {
    return (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  /** The REST API as one user (HTTP Basic; the demo password equals the user id). */
  protected Api rest(String user) {
    return new Api(baseUrl() + "/engine-rest", user, user);
  }

  /** The REST API without credentials. */
  protected Api anonymousRest() {
    return new Api(baseUrl() + "/engine-rest", null, null);
  }

  protected String baseUrl() {
    return "http://localhost:" + port;
  }

  /** Variables in the REST format: {"name": {"value": v}} (types inferred by the engine). */
  protected static Map<String, Object> restVariables(Map<String, Object> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  /**
   * An account of a test's own in one group, created if missing (password null: nobody logs in with
   * it); the test deletes it when done.
   */
  protected void testAccount(String userId, String firstName, String lastName, String password, String groupId) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identityService.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(userId + "@univ.example");
      user.setPassword(password);
      identityService.saveUser(user);
      identityService.createMembership(userId, groupId);
    }
  }

  /** A process of the SPEC must be deployed: a missing one fails the test instead of skipping it. */
  protected void requireDeployed(String processKey) {
    org.assertj.core.api.Assertions.assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count())
        .as(processKey + " : un processus de la SPEC doit être déployé").isPositive();
  }

  /** Waits until the job executor has run every due job of the engine (async steps, mails). */
  protected void awaitJobs() {
    awaitJobs(null);
  }

  /** Waits until the job executor has run every due job of one process instance. */
  protected void awaitJobs(String processInstanceId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JobQuery due = managementService.createJobQuery().executable();
      if (processInstanceId != null) {
        due.processInstanceId(processInstanceId);
      }
      if (due.count() == 0) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    fail("Des tâches asynchrones restent en attente après 60 s : " + managementService.createJobQuery().executable().list());
  }
}
