package org.pedaflow.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pedaflow.purchase.PurchaseProcess.*;
import static org.pedaflow.purchase.PurchaseTestSupport.request;
import static org.pedaflow.test.VariableMaps.with;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.slf4j.LoggerFactory;

/**
 * A refused input is logged once, as Pedaflow's INFO line (who, what, why), and not as an engine
 * error or a REST 500 that never reached the person; a real fault is still logged as an error.
 */
class RefusalLoggingTest extends PedaflowIntegrationTest {

  private static final String START = "/process-definition/key/" + PROCESS_KEY + "/start";
  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void listen() {
    log.setContext(logging);
    log.start();
    logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(log);
  }

  @Test
  void aRefusedStartIsOneInfoLine_notAnEngineErrorNorARest500() {
    Api.Response refused = rest("claire").post(START, restVariables(with(request(2, 1500.0), UNIT_PRICE_EUR, 0)));

    assertThat(refused.status()).isEqualTo(400);
    assertLoggedOnlyAsInfo("Démarrage de learning-lab-purchase refusé pour claire", "Prix unitaire", "strictement positif");
  }

  @Test
  void aRefusedCompletionIsOneInfoLine_notAnEngineErrorNorARest500() {
    String id = rest("lea").post(START, restVariables(request(1, 640.0))).json().get("id").asText();
    String opinion = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
    assertThat(rest("ines").post("/task/" + opinion + "/complete", restVariables(Map.of(OPINION_FAVOURABLE, true))).status())
        .isEqualTo(204);
    String approval = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
    synchronized (log) {
      log.list.clear();
    }

    Api.Response ownApproval = rest("lea").post("/task/" + approval + "/complete",
        restVariables(Map.of(LAB_MANAGER_APPROVED, true)));

    assertThat(ownApproval.status()).isEqualTo(403);
    assertLoggedOnlyAsInfo("refusée pour lea", "votre propre demande", "votre propre demande");
  }

  @Test
  void aRealFaultIsStillLoggedAsAnError() {
    Command<Void> failing = context -> {
      throw new IllegalStateException("panne simulée");
    };

    assertThatThrownBy(() -> processEngineConfiguration().getCommandExecutorTxRequired().execute(failing))
        .hasMessage("panne simulée");
    assertThat(events()).anyMatch(event -> event.getLoggerName().equals(ENGINE_CONTEXT) && event.getLevel() == Level.ERROR
        && event.getThrowableProxy() != null && event.getThrowableProxy().getMessage().equals("panne simulée"));
  }

  /**
   * Pedaflow's INFO line says who was refused and why, and no WARN or ERROR of any logger mentions
   * the refusal.
   */
  private void assertLoggedOnlyAsInfo(String who, String why, String refusal) {
    assertThat(events().stream()
        .filter(e -> e.getLevel() == Level.INFO && e.getLoggerName().equals("org.pedaflow.rules.RulesEnginePlugin"))
        .map(ILoggingEvent::getFormattedMessage))
        .anyMatch(line -> line.contains(who) && line.contains(why));
    assertThat(warningsAndErrorsAbout(refusal)).isEmpty();
  }

  /** Every WARN or ERROR, from any logger, that mentions the refusal (in its message or its exception). */
  private List<String> warningsAndErrorsAbout(String refusal) {
    return events().stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .filter(e -> e.getFormattedMessage().contains(refusal) || throwableMentions(e.getThrowableProxy(), refusal))
        .map(e -> e.getLoggerName() + " " + e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  /** A copy: the job executor's threads of the shared application log while a test reads. */
  private List<ILoggingEvent> events() {
    synchronized (log) {
      return List.copyOf(log.list);
    }
  }

  private static boolean throwableMentions(IThrowableProxy thrown, String text) {
    for (IThrowableProxy cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }
}
