package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pedaflow.PedaflowApplication;
import org.pedaflow.test.Api;
import org.pedaflow.test.Mails;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP relay goes down. On an application instance of its own (its own database and its own
 * GreenMail, which this test stops and starts; the job executor off, so that each attempt is made
 * here with {@code executeJob}): every mail job fails, is retried on the models' cycle
 * ({@code R3/PT5M}: retries 2, 1, 0, each time due about five minutes later), then becomes an
 * incident visible over REST ({@code /incident}, and in the statistics Cockpit shows). Once the
 * relay is back and the retries are set again over REST ({@code PUT /job/{id}/retries} and
 * {@code POST /job/retries}), each message is delivered exactly once and the instances go on.
 */
class SmtpOutageTest {

  private static final String ENGINE = "smtpoutage";
  private static final Duration RETRY_DELAY = Duration.ofMinutes(5);

  private GreenMail smtp;
  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void mailJobsRetryThenRaiseIncidentsThenDeliverOnceWhenTheRelayIsBack(@TempDir Path dataDir) throws Exception {
    int smtpPort = freePort();
    smtp = startSmtp(smtpPort);
    app = start(dataDir, smtpPort);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    ManagementService management = engine.getManagementService();
    // a relay that accepts and never answers does not hold a job thread for ever (application.yaml)
    assertThat(((JavaMailSenderImpl) app.getBean(JavaMailSender.class)).getJavaMailProperties())
        .containsEntry("mail.smtp.connectiontimeout", "10000").containsEntry("mail.smtp.timeout", "30000")
        .containsEntry("mail.smtp.writetimeout", "30000");
    Api admin = api("admin");
    Api claire = api("claire");

    smtp.stop(); // the relay goes down

    // Two applications for a label, not eligible (10 % at a distance): each has to tell the teacher by mail.
    List<String> instances = new ArrayList<>();
    for (String code : List.of("OUT-1", "OUT-2")) {
      Api.Response started = claire.post("/process-definition/key/hybrid-course-labelling/start",
          "{\"variables\": {\"courseTitle\": {\"value\": \"Cours " + code + "\"}, \"courseCode\": {\"value\": \"" + code + "\"},"
              + " \"program\": {\"value\": \"Licence\"}, \"ects\": {\"value\": 3}, \"distanceSharePercent\": {\"value\": 10},"
              + " \"lmsCourseUrl\": {\"value\": \"https://moodle.univ.example/course/1\"}}}");
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      instances.add(started.json().get("id").asText());
    }
    List<String> jobs = instances.stream().map(id -> mailJob(management, id).getId()).toList();

    // Three attempts each, on the R3/PT5M cycle
    for (int expectedRetries = 2; expectedRetries >= 0; expectedRetries--) {
      for (String jobId : jobs) {
        Instant before = Instant.now();
        assertThatThrownBy(() -> management.executeJob(jobId)).as("the relay is down");
        Job job = management.createJobQuery().jobId(jobId).singleResult();
        assertThat(job.getRetries()).isEqualTo(expectedRetries);
        assertThat(job.getExceptionMessage()).isNotBlank();
        if (expectedRetries > 0) {
          assertThat(job.getDuedate().toInstant()).as("next attempt five minutes later")
              .isBetween(before.plus(RETRY_DELAY).minusSeconds(30), Instant.now().plus(RETRY_DELAY).plusSeconds(30));
        }
        System.out.printf("SMTP en panne : job %s, essais restants %d, prochain essai %s%n", jobId, job.getRetries(),
            job.getDuedate());
      }
    }

    // Incidents over REST, one per instance, at the mail step; Cockpit's statistics count them
    for (String id : instances) {
      JsonNode incidents = admin.get("/incident?processInstanceId=" + id).json();
      assertThat(incidents).hasSize(1);
      assertThat(incidents.get(0).get("incidentType").asText()).isEqualTo("failedJob");
      assertThat(incidents.get(0).get("activityId").asText()).isEqualTo("NotifyIneligible");
      assertThat(incidents.get(0).get("incidentMessage").asText()).isNotBlank();
      assertThat(admin.get("/process-instance/" + id).status()).as("the instance is kept").isEqualTo(200);
    }
    assertThat(admin.get("/incident/count?incidentType=failedJob").json().get("count").asInt()).isEqualTo(2);
    JsonNode statistics = admin.get("/process-definition/statistics?incidents=true").json();
    int failedJobs = 0;
    for (JsonNode definition : statistics) {
      for (JsonNode incident : definition.path("incidents")) {
        failedJobs += "failedJob".equals(incident.path("incidentType").asText()) ? incident.path("incidentCount").asInt() : 0;
      }
    }
    assertThat(failedJobs).as("incidents in Cockpit's statistics").isEqualTo(2);
    // (the incident's message is the transport's own diagnosis, for the operator in Cockpit)

    // The relay is back; an operator sets the retries again, one job at a time and in bulk
    smtp = startSmtp(smtpPort);
    Api.Response one = admin.put("/job/" + jobs.get(0) + "/retries", Map.of("retries", 1));
    assertThat(one.status()).as(one.body()).isEqualTo(204);
    Api.Response bulk = admin.post("/job/retries", Map.of("jobIds", List.of(jobs.get(1)), "retries", 1));
    assertThat(bulk.status()).as(bulk.body()).isIn(200, 204);
    runBatches(management); // the bulk form works as a batch, run by the job executor (here, by hand)
    assertThat(admin.get("/incident/count").json().get("count").asInt()).as("incidents resolved").isZero();

    for (String jobId : jobs) {
      management.executeJob(jobId);
    }
    // whatever is still due (nothing should be) runs too, twice: no message goes out twice
    for (int round = 0; round < 2; round++) {
      for (Job job : management.createJobQuery().executable().list()) {
        management.executeJob(job.getId());
      }
    }

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).as("one message per instance").hasSize(2);
    for (String code : List.of("OUT-1", "OUT-2")) {
      List<MimeMessage> about = java.util.Arrays.stream(received).filter(m -> Mails.text(m).contains(code)).toList();
      assertThat(about).as("message about " + code).hasSize(1);
      assertThat(Mails.to(new MimeMessage[] {about.get(0)}, "claire@univ.example")).hasSize(1);
    }
    for (String id : instances) {
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
          .getEndActivityId()).as("the instance went on to its end").isEqualTo("CourseIneligible");
    }
    // nothing left but the nightly history cleanup (application.yaml)
    List<String> cleanup = engine.getHistoryService().findHistoryCleanupJobs().stream().map(Job::getId).toList();
    assertThat(management.createJobQuery().list()).filteredOn(job -> !cleanup.contains(job.getId())).isEmpty();
    System.out.printf("SMTP rétabli : %d messages livrés pour %d instances%n", received.length, instances.size());
  }

  private static void runBatches(ManagementService management) {
    for (int round = 0; round < 10 && management.createBatchQuery().count() > 0; round++) {
      for (Job job : management.createJobQuery().list()) {
        if (job.getProcessInstanceId() == null) {
          management.executeJob(job.getId());
        }
      }
    }
    assertThat(management.createBatchQuery().count()).as("batches done").isZero();
  }

  private static Job mailJob(ManagementService management, String processInstanceId) {
    Job job = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
    assertThat(job).as("mail job of " + processInstanceId).isNotNull();
    assertThat(job.getRetries()).isEqualTo(3);
    return job;
  }

  private Api api(String user) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    // not the default engine of this JVM (the shared test context has it): named in the path
    return new Api("http://localhost:" + port + "/engine-rest/engine/" + ENGINE, user, user);
  }

  private static GreenMail startSmtp(int port) {
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, int smtpPort) {
    SpringApplication application = new SpringApplication(PedaflowApplication.class);
    application.setAdditionalProfiles("demo");
    return application.run(
        "--pedaflow.data-dir=" + dataDir,
        "--camunda.bpm.process-engine-name=" + ENGINE,
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.enabled=false",
        "--server.port=0",
        "--spring.jmx.enabled=false",
        "--spring.main.banner-mode=off",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--pedaflow.base-url=http://pedaflow.test");
  }
}
