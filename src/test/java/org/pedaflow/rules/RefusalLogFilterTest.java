package org.pedaflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which lines {@link RefusalLogFilter} drops: only those of the refusal the current request recorded. */
class RefusalLogFilterTest {

  private static final String MESSAGE = "« Quantité » (quantity) : au moins 1 est attendu.";

  private final LoggerContext logging = new LoggerContext();
  private final Logger engine = logging.getLogger(RefusalLogFilter.ENGINE_CONTEXT);
  private final Logger rest = logging.getLogger(RefusalLogFilter.ENGINE_REST);
  private final RefusalLogFilter filter = new RefusalLogFilter();
  private final InvalidInputException refusal = new InvalidInputException("quantity", MESSAGE);

  @AfterEach
  void endRequest() {
    RuleViolations.endRequest();
  }

  @Test
  void theTwoLinesOfTheRequestsRefusalAreDropped() {
    RuleViolations.startRequest();
    RuleViolations.record(refusal);

    assertThat(engineLine(new ProcessEngineException("ENGINE-03051", refusal))).isEqualTo(FilterReply.DENY);
    assertThat(engineLine(refusal)).isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engine, Level.ERROR, "x", null, refusal)).as("as the event's throwable").isEqualTo(FilterReply.DENY);
    assertThat(restLine(refusal)).isEqualTo(FilterReply.DENY);
  }

  @Test
  void everythingElseIsLogged() {
    RuleViolations.startRequest();
    RuleViolations.record(refusal);
    InvalidInputException sameWordsOtherRefusal = new InvalidInputException("quantity", MESSAGE);
    IllegalStateException fault = new IllegalStateException("base indisponible");

    assertThat(engineLine(new ProcessEngineException("ENGINE-03051", fault))).as("a real fault").isEqualTo(FilterReply.NEUTRAL);
    assertThat(engineLine(sameWordsOtherRefusal)).as("another exception").isEqualTo(FilterReply.NEUTRAL);
    assertThat(restLine(fault)).as("a real 500 over REST").isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, logging.getLogger("org.pedaflow"), Level.ERROR, "x", null, refusal))
        .as("another logger").isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, engine, Level.DEBUG, "x", null, refusal)).as("below WARN").isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theRestLineOfAConflictBetweenTwoPeopleIsDroppedInAnyCase() {
    org.camunda.bpm.engine.TaskAlreadyClaimedException claimed = new org.camunda.bpm.engine.TaskAlreadyClaimedException("42", "ines");
    assertThat(restLineThrowing(claimed)).isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new org.camunda.bpm.engine.OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed")))
        .isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException("Task '42' is already claimed by someone else.")))
        .as("the same words, another exception").isEqualTo(FilterReply.NEUTRAL);
    assertThat(restLine(claimed)).as("only as the cause of another answer: a 500 the web layer does not call a conflict")
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, engine, Level.WARN,
        "ENGINE-REST-HTTP500 " + org.camunda.bpm.engine.TaskAlreadyClaimedException.class.getName() + ": x", null, null))
        .as("another logger").isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theLinesOfATaskOrJobGoneOrSuspendedAreDropped() {
    assertThat(restLineThrowing(new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id 42: task is null")))
        .isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException(
        "Cannot submit task form 42: ENGINE-03043 task with id '42' is suspended."))).isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException("ENGINE-13053 No job found with id '42'.'"))).isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException("No job found with id '42'."))).isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException("task 42 doesn't exist: task is null"))).isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException("Password does not match policy"))).isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException("User has an invalid id: 'jean dupont' is not a valid resource identifier.")))
        .isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new ProcessEngineException("Cannot instantiate process definition x:1:42: "
        + "ENGINE-03043 Process Definition with id 'x:1:42' is suspended"))).isEqualTo(FilterReply.DENY);
    assertThat(restLineThrowing(new NullPointerException("Cannot invoke \"TaskEntity.getId()\" because \"task\" is null")))
        .as("a null pointer is a bug").isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, rest, Level.WARN,
        "ENGINE-REST-HTTP500 java.lang.IllegalStateException: base indisponible\n\tat x\nCaused by: Cannot find task with id 42: task is null",
        new Object[0], null)).as("only the first line counts").isEqualTo(FilterReply.NEUTRAL);

    org.camunda.bpm.engine.exception.NullValueException gone =
        new org.camunda.bpm.engine.exception.NullValueException("Cannot find task with id 42: task is null");
    assertThat(engineLine(gone)).as("the engine's line outside a request").isEqualTo(FilterReply.NEUTRAL);
    RuleViolations.startRequest();
    assertThat(engineLine(gone)).as("the engine's line in a request").isEqualTo(FilterReply.DENY);
    assertThat(engineLine(new org.camunda.bpm.engine.SuspendedEntityInteractionException("ENGINE-03043 task with id '42' is suspended.")))
        .isEqualTo(FilterReply.DENY);
    assertThat(engineLine(new ProcessEngineException("ENGINE-13053 No job found with id '42'.'"))).isEqualTo(FilterReply.DENY);
    assertThat(engineLine(new ProcessEngineException("Password does not match policy"))).isEqualTo(FilterReply.DENY);
    ProcessEngineException tooLong = new ProcessEngineException("An exception occurred in the persistence layer.",
        new IllegalStateException("Value too long for column \"TEXT_ CHARACTER VARYING(4000)\": \"'xxxx...'\""));
    assertThat(engineLine(tooLong)).as("a text over 4 000 characters in Cockpit").isEqualTo(FilterReply.DENY);
    assertThat(engineLine(new ProcessEngineException("An exception occurred in the persistence layer.",
        new IllegalStateException("Value too long for column \"NAME_ CHARACTER VARYING(255)\""))))
        .as("another column").isEqualTo(FilterReply.NEUTRAL);
    assertThat(engineLine(new IllegalStateException("ENGINE-13053 No job found with id '42'.'")))
        .as("not the engine's exception").isEqualTo(FilterReply.NEUTRAL);
    assertThat(engineLine(new org.camunda.bpm.engine.exception.NullValueException("Cannot find process definition with id 42: definition is null")))
        .as("something else missing").isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void outsideARequestNothingIsRecordedNorDropped() {
    RuleViolations.record(refusal);

    assertThat(RuleViolations.current()).isNull();
    assertThat(engineLine(new ProcessEngineException("ENGINE-03051", refusal))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(restLine(refusal)).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theEndOfTheRequestForgetsTheRefusal() {
    RuleViolations.startRequest();
    RuleViolations.record(refusal);
    RuleViolations.endRequest();

    assertThat(engineLine(refusal)).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void theFilterIsAddedOnceAndComesBackAfterLogbackIsReset() {
    LoggerContext context = new LoggerContext();
    RefusalLogFilter.Registration.register(context);
    RefusalLogFilter.Registration.register(context);
    assertThat(context.getTurboFilterList()).filteredOn(RefusalLogFilter.class::isInstance).hasSize(1);

    context.reset();

    assertThat(context.getTurboFilterList()).filteredOn(RefusalLogFilter.class::isInstance).hasSize(1);
  }

  /** As Camunda's engine writes it: the exception as the last argument of the message. */
  private FilterReply engineLine(Throwable thrown) {
    return filter.decide(null, engine, Level.ERROR, "ENGINE-16004 Exception while closing command context: {}",
        new Object[] {thrown.getMessage(), thrown}, null);
  }

  /** As Camunda's REST layer writes it: the stack trace inside the message, no throwable. */
  /** The REST layer's line when the command threw {@code thrown} itself (the answer's type is its class). */
  private FilterReply restLineThrowing(Throwable thrown) {
    return filter.decide(null, rest, Level.WARN, "ENGINE-REST-HTTP500 " + thrown + "\n\tat org.camunda…", new Object[0], null);
  }

  private FilterReply restLine(Throwable cause) {
    String trace = "org.camunda.bpm.engine.rest.exception.RestException: Cannot complete task 42\n"
        + "Caused by: " + cause.getClass().getName() + ": " + cause.getMessage() + "\n\tat org.pedaflow…";
    return filter.decide(null, rest, Level.WARN, "ENGINE-REST-HTTP500 " + trace, new Object[0], null);
  }
}
