package org.pedaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pedaflow.PedaflowApplication;
import org.pedaflow.deployment.ModelDeployer;
import org.pedaflow.notification.MailService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Start-up on a file database, twice: the second start creates nothing new (groups, users,
 * filters, authorizations, deployments); without the demo profile only the configured administrator
 * exists, and without one the application refuses to start.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

  @Test
  void aSecondStartOnTheSameDatabaseCreatesNothingNew(@TempDir Path dataDir) throws IOException {
    Map<String, Object> first;
    Map<String, Object> second;
    try (ConfigurableApplicationContext app = start(dataDir, "demo")) {
      first = inventory(app.getBean(ProcessEngine.class));
    }
    try (ConfigurableApplicationContext app = start(dataDir, "demo")) {
      second = inventory(app.getBean(ProcessEngine.class));
    }

    assertThat(second).isEqualTo(first);
    assertThat((long) first.get("groups")).isEqualTo(7);
    assertThat((long) first.get("users")).isEqualTo(10);
    assertThat((long) first.get("filters")).isEqualTo(3);
    assertThat((long) first.get("deployments")).isEqualTo(1);
    assertThat((long) first.get("processDefinitions")).isEqualTo(3);
    assertThat((long) first.get("decisionDefinitions")).isEqualTo(2);
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) first.get("resources");
    // the same names as in the repository, whether the application runs from the jar or from Maven
    assertThat(resources).allMatch(name -> name.matches("(processes/[\\w-]+\\.(bpmn|dmn))|(forms/[\\w-]+\\.form)"));
    assertThat(resources).contains("processes/teacher-onboarding.bpmn", "processes/hybrid-course-labelling.bpmn",
        "processes/learning-lab-purchase.bpmn", "processes/hybrid-label-eligibility.dmn",
        "processes/purchase-approval-level.dmn", "forms/purchase-request.form");
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      assertThat(resources.stream().filter(name -> name.startsWith("forms/")).count()).isEqualTo(forms.count());
    }
    assertThat(Files.exists(dataDir.resolve("pedaflow.mv.db"))).as("H2 file database under the data directory").isTrue();
  }

  @Test
  void withoutAnSmtpHostMailIsWrittenToTheOutbox(@TempDir Path dataDir) throws IOException {
    try (ConfigurableApplicationContext app = start(dataDir, "demo")) {
      app.getBean(MailService.class).send("platform-check", "claire",
          Map.of("businessKey", "ACH-2026-0001", "taskUrl", "http://localhost:8080/camunda/app/tasklist/default/#/?task=42"));
    }

    try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
      List<Path> messages = files.filter(p -> p.toString().endsWith(".eml")).toList();
      assertThat(messages).hasSize(1);
      try (java.io.InputStream in = Files.newInputStream(messages.get(0))) {
        jakarta.mail.internet.MimeMessage eml =
            new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
        assertThat(eml.getSubject()).isEqualTo("ACH-2026-0001 – Vérification de la messagerie Pedaflow");
        assertThat(eml.getAllRecipients()[0].toString()).isEqualTo("Claire Dubois <claire@univ.example>");
        assertThat(org.pedaflow.test.Mails.text(eml)).contains("Bonjour Claire Dubois")
            .contains("http://localhost:8080/camunda/app/tasklist/default/#/?task=42");
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void withoutTheDemoProfileOnlyTheConfiguredAdministratorExists(@TempDir Path dataDir, CapturedOutput log) {
    try (ConfigurableApplicationContext app = start(dataDir, null,
        "--pedaflow.admin.id=root", "--pedaflow.admin.password=s3cret-from-env")) {
      assertThat(log.getOut()).as("no SMTP relay outside the demo: the operator is told")
          .contains("WARN").contains("Aucun serveur SMTP configuré (SPRING_MAIL_HOST) : les courriels ne partent pas");
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getIdentityService().createUserQuery().list()).extracting("id").containsExactly("root");
      assertThat(engine.getIdentityService().checkPassword("root", "s3cret-from-env")).isTrue();
      assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(7);
    }
  }

  @Test
  void aPilotDatabaseServesProductionWithoutTheDemoAccountsAndTheAdministratorIsUnlockedAtEachStart(@TempDir Path dataDir) {
    try (ConfigurableApplicationContext pilot = start(dataDir, "demo")) {
      assertThat(pilot.getBean(ProcessEngine.class).getIdentityService().createUserQuery().count()).isEqualTo(10);
    }
    String[] production = {"--pedaflow.admin.id=root", "--pedaflow.admin.password=s3cret-from-env",
        "--pedaflow.demo-users=true"}; // the property alone does not bring them back: only the profile does
    try (ConfigurableApplicationContext app = start(dataDir, null, production)) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("root");
      for (int attempt = 0; attempt < 10; attempt++) {
        assertThat(identity.checkPassword("root", "guessed-" + attempt)).isFalse();
      }
      assertThat(identity.checkPassword("root", "s3cret-from-env")).as("locked").isFalse();
    }
    try (ConfigurableApplicationContext app = start(dataDir, null, production[0], production[1],
        "--pedaflow.admin.email=appui-pedagogie@univ.example")) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("root", "s3cret-from-env")).as("unlocked by the restart").isTrue();
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      // the mails of a request the administrator starts have somewhere to go
      assertThat(identity.createUserQuery().userId("root").singleResult().getEmail()).isEqualTo("appui-pedagogie@univ.example");
    }
  }

  /** A weak PEDAFLOW_ADMIN_PASSWORD is a WARN (Admin's policy is for the other accounts); with the policy off, no check at all. */
  @Test
  void aWeakAdministratorPasswordIsAWarningAndThePolicyMayBeSwitchedOff(@TempDir Path dataDir, @TempDir Path otherDir,
      CapturedOutput output) {
    try (ConfigurableApplicationContext app = start(dataDir, null, "--pedaflow.admin.id=root", "--pedaflow.admin.password=s3cret")) {
      assertThat(output.getOut()).contains("WARN").contains("Le mot de passe de PEDAFLOW_ADMIN_PASSWORD est faible");
    }
    try (ConfigurableApplicationContext app = start(otherDir, null, "--pedaflow.admin.id=root",
        "--pedaflow.admin.password=s3cret", "--camunda.bpm.generic-properties.properties.enable-password-policy=false")) {
      assertThat(app.getBean(org.camunda.bpm.engine.IdentityService.class).checkPassword("root", "s3cret")).isTrue();
    }
  }

  @Test
  void theHealthCheckAnswersWithoutLoginAndSaysWhenTheDatabaseDoesNot(@TempDir Path dataDir) throws Exception {
    try (ConfigurableApplicationContext app = start(dataDir, null, "--pedaflow.admin.id=root", "--pedaflow.admin.password=s3cret")) {
      int port = ((org.springframework.boot.web.context.WebServerApplicationContext) app).getWebServer().getPort();
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpRequest probe = java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://localhost:" + port + "/api/health")).build();

      java.net.http.HttpResponse<String> up = http.send(probe, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");

      app.getBean(com.zaxxer.hikari.HikariDataSource.class).close(); // the database is gone for this node
      java.net.http.HttpResponse<String> down = http.send(probe, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }
  }

  @Test
  void eachTimerHasAnEnvironmentVariable(@TempDir Path dataDir) {
    // the placeholders of application.yaml, given here as arguments (an environment variable of the same name is read the same way)
    try (ConfigurableApplicationContext app = start(dataDir, "demo", "--PEDAFLOW_TIMER_REVISION_DEADLINE=P45D",
        "--PEDAFLOW_TIMER_QUESTIONNAIRE_REMINDER=R3/P5D", "--PEDAFLOW_TIMER_DELIVERY_REMINDER=P90D")) {
      Timers timers = app.getBean(Timers.class);
      assertThat(timers.get("labelling.revision-deadline")).isEqualTo("P45D");
      assertThat(timers.inFrench("labelling.revision-deadline", "P30D")).isEqualTo("45 jours");
      assertThat(timers.get("onboarding.questionnaire-reminder")).isEqualTo("R3/P5D");
      assertThat(timers.get("purchase.delivery-reminder")).isEqualTo("P90D");
    }
  }

  @Test
  void theAdministratorsPasswordIsTheEnvironmentsAtEachStart(@TempDir Path dataDir) {
    try (ConfigurableApplicationContext pilot = start(dataDir, "demo")) {
      assertThat(pilot.getBean(ProcessEngine.class).getIdentityService().checkPassword("admin", "admin")).isTrue();
    }
    // the pilot's admin, its address changed so that it is not taken for a demo account, becomes production's
    try (ConfigurableApplicationContext pilot = start(dataDir, "demo")) {
      IdentityService identity = pilot.getBean(ProcessEngine.class).getIdentityService();
      org.camunda.bpm.engine.identity.User admin = identity.createUserQuery().userId("admin").singleResult();
      admin.setEmail("appui-pedagogie@univ.example");
      identity.saveUser(admin);
    }
    try (ConfigurableApplicationContext app = start(dataDir, null, "--pedaflow.admin.id=admin", "--pedaflow.admin.password=first-secret")) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      // the right one first: after a wrong password the engine makes the account wait (login-delay-*)
      assertThat(identity.checkPassword("admin", "first-secret")).isTrue();
      assertThat(identity.checkPassword("admin", "admin")).as("the demo password no longer opens the account").isFalse();
    }
    // a rotation: the new secret in the environment, a restart
    try (ConfigurableApplicationContext app = start(dataDir, null, "--pedaflow.admin.id=admin", "--pedaflow.admin.password=second-secret")) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("admin", "second-secret")).isTrue();
      assertThat(identity.checkPassword("admin", "first-secret")).as("the old secret").isFalse();
      assertThat(identity.createUserQuery().userId("admin").singleResult().getEmail()).isEqualTo("appui-pedagogie@univ.example");
    }
    // unchanged: the start leaves the account as it is (not locked by its own check)
    try (ConfigurableApplicationContext app = start(dataDir, null, "--pedaflow.admin.id=admin", "--pedaflow.admin.password=second-secret")) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("admin", "second-secret")).isTrue();
    }
  }

  @Test
  void withoutDemoProfileAndAdministratorTheApplicationRefusesToStart(@TempDir Path dataDir) {
    assertThatThrownBy(() -> start(dataDir, null, "--pedaflow.admin.id=", "--pedaflow.admin.password="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PEDAFLOW_ADMIN_ID et PEDAFLOW_ADMIN_PASSWORD");
    // one of the two is not enough
    assertThatThrownBy(() -> start(dataDir, null, "--pedaflow.admin.id=root", "--pedaflow.admin.password="))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("PEDAFLOW_ADMIN_PASSWORD");
    assertThatThrownBy(() -> start(dataDir, null, "--pedaflow.admin.id=", "--pedaflow.admin.password=s3cret"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("PEDAFLOW_ADMIN_ID");
  }

  private static ConfigurableApplicationContext start(Path dataDir, String profile, String... extra) {
    SpringApplication application = new SpringApplication(PedaflowApplication.class);
    if (profile != null) {
      application.setAdditionalProfiles(profile);
    }
    List<String> args = new java.util.ArrayList<>(List.of(
        "--pedaflow.data-dir=" + dataDir,
        "--camunda.bpm.process-engine-name=startup" + Math.abs(dataDir.hashCode()),
        "--camunda.bpm.job-execution.enabled=false",
        "--server.port=0",
        "--camunda.bpm.webapp.enabled=false",
        "--spring.jmx.enabled=false",
        "--spring.main.banner-mode=off"));
    args.addAll(List.of(extra));
    return application.run(args.toArray(String[]::new));
  }

  private static Map<String, Object> inventory(ProcessEngine engine) {
    Map<String, Object> inventory = new LinkedHashMap<>();
    inventory.put("groups", engine.getIdentityService().createGroupQuery().count());
    inventory.put("users", engine.getIdentityService().createUserQuery().count());
    long memberships = engine.getIdentityService().createGroupQuery().list().stream()
        .mapToLong(g -> engine.getIdentityService().createUserQuery().memberOfGroup(g.getId()).count()).sum();
    inventory.put("memberships", memberships);
    inventory.put("filters", engine.getFilterService().createFilterQuery().count());
    inventory.put("authorizations", engine.getAuthorizationService().createAuthorizationQuery().count());
    inventory.put("deployments", engine.getRepositoryService().createDeploymentQuery().count());
    inventory.put("processDefinitions", engine.getRepositoryService().createProcessDefinitionQuery().count());
    inventory.put("decisionDefinitions", engine.getRepositoryService().createDecisionDefinitionQuery().count());
    List<String> resources = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ModelDeployer.DEPLOYMENT_NAME).list().stream()
        .map(Deployment::getId)
        .flatMap(id -> engine.getRepositoryService().getDeploymentResources(id).stream())
        .map(Resource::getName).sorted().toList();
    inventory.put("resources", resources);
    return inventory;
  }
}
