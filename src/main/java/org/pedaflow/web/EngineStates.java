package org.pedaflow.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where the thing a failed request named stands, to tell the person what happened instead of a
 * fault: a task gone (finished by them or a colleague a moment before) or suspended by an
 * administrator, a job gone (Cockpit's « Retry » after a colleague's, or after it ran), a process
 * whose definition an administrator suspended. Read only when the engine's API answered 400 or 500
 * on such an address.
 */
@FunctionalInterface
public interface EngineStates {

  enum State { GONE, SUSPENDED, ACTIVE }

  enum Kind { TASK, JOB, START }

  /** What a request's address names: a task, a job, or the start of a process (by definition id or key). */
  record Addressed(Kind kind, String id, boolean byKey) {}

  String API = "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/";

  /** {@code …/task/{id}} and below; not {@code task/create}, {@code task/count}, {@code task/report}. */
  Pattern TASK_PATH = Pattern.compile(API + "task/(?!(?:create|count|report)(?:/|$))([^/]+)(?:/.*)?$");

  /** {@code …/job/{id}} and below; not the bulk addresses {@code job/count}, {@code job/retries}, {@code job/suspended}. */
  Pattern JOB_PATH = Pattern.compile(API + "job/(?!(?:count|retries|suspended)(?:/|$))([^/]+)(?:/.*)?$");

  Pattern START_PATH = Pattern.compile(API + "process-definition/(key/)?([^/]+)(?:/tenant-id/[^/]+)?/(?:start|submit-form)/?$");

  State of(Addressed addressed);

  /** What the request's address names, or null. */
  static Addressed addressedBy(String path) {
    Matcher task = TASK_PATH.matcher(path);
    if (task.matches()) {
      return new Addressed(Kind.TASK, task.group(1), false);
    }
    Matcher job = JOB_PATH.matcher(path);
    if (job.matches()) {
      return new Addressed(Kind.JOB, job.group(1), false);
    }
    Matcher start = START_PATH.matcher(path);
    return start.matches() ? new Addressed(Kind.START, start.group(2), start.group(1) != null) : null;
  }

  /** Read in a command of its own, without authorization checks (the answer never shows more than « gone » or « suspended »). */
  static EngineStates of(ObjectProvider<ProcessEngine> engine) {
    return addressed -> ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          return switch (addressed.kind()) {
            case TASK -> {
              TaskEntity task = context.getTaskManager().findTaskById(addressed.id());
              yield task == null ? State.GONE : task.isSuspended() ? State.SUSPENDED : State.ACTIVE;
            }
            case JOB -> {
              JobEntity job = context.getJobManager().findJobById(addressed.id());
              yield job == null ? State.GONE : State.ACTIVE;
            }
            case START -> definitionState(context, addressed);
          };
        });
  }

  private static State definitionState(CommandContext context, Addressed start) {
    ProcessDefinitionEntity definition = start.byKey()
        ? context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(start.id())
        : context.getProcessDefinitionManager().findLatestDefinitionById(start.id());
    return definition == null ? State.ACTIVE : definition.isSuspended() ? State.SUSPENDED : State.ACTIVE;
  }
}
