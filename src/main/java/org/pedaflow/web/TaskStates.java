package org.pedaflow.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where the task a failed request named stands, to tell the person what happened instead of a
 * fault: gone (finished by them or a colleague a moment before, or deleted) or suspended by an
 * administrator. Read only when the engine's API answered 400 or 500 on a task's address.
 */
@FunctionalInterface
public interface TaskStates {

  enum State { GONE, SUSPENDED, ACTIVE }

  /** The engine's addresses of one task: {@code …/task/{id}} and below; not {@code task/create}, {@code task/count}, {@code task/report}. */
  Pattern TASK_PATH = Pattern.compile(
      "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/(?!(?:create|count|report)(?:/|$))([^/]+)(?:/.*)?$");

  State of(String taskId);

  /** The task id of the request's address, or null when it names none. */
  static String taskIdOf(String path) {
    Matcher matcher = TASK_PATH.matcher(path);
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** Read in a command of its own, without authorization checks (the answer never shows more than « gone » or « suspended »). */
  static TaskStates of(ObjectProvider<ProcessEngine> engine) {
    return taskId -> ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> {
          context.disableAuthorizationCheck();
          TaskEntity task = context.getTaskManager().findTaskById(taskId);
          return task == null ? State.GONE : task.isSuspended() ? State.SUSPENDED : State.ACTIVE;
        });
  }
}
