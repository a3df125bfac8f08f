package org.pedaflow.rules;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.pedaflow.identity.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the ways into a process that its rules cannot see, on every way in (REST, Tasklist, Java
 * API), as a command interceptor of the engine:
 * <ul>
 *   <li>a task's completion ({@code complete}, {@code submit-form}, {@code resolve}): the names of the
 *       variables sent are kept for the task's complete listener, which refuses any the task does not
 *       collect ({@link ProcessRules#completionVariables()}); by then the variables are already in the
 *       instance, with no trace of which were sent;</li>
 *   <li>writing or removing a task's variables outside its completion ({@code PUT/POST/DELETE
 *       /task/{id}/variables…}, {@code localVariables…}): every person who may work on a task may also
 *       update it, and so could rewrite who requested, the approval level or the mentor; only the
 *       administrators still may (repairs);</li>
 *   <li>a start at another step than the start event, or without the processes' own listeners
 *       ({@code startInstructions}, {@code skipCustomListeners}): the engine asks only for the right to
 *       start, which teachers have; only the administrators still may.</li>
 * </ul>
 * Code of the application that calls the engine without an authenticated user (delegates, the job
 * executor) is not concerned by the last two; the first applies to everyone.
 */
final class InputGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(InputGuard.class);

  /** The completion's variables, read where the engine keeps them (checked at start-up: an engine upgrade that moves them fails fast). */
  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");

  /** The names of the variables sent with each task's completion running on this thread, by task id. */
  private static final ThreadLocal<Map<String, Set<String>>> SUBMITTED = new ThreadLocal<>();

  static final String TASK_VARIABLES_REFUSED = "Les données d'une tâche se transmettent en la terminant, avec son "
      + "formulaire : seuls les administrateurs peuvent les écrire ou les effacer autrement.";
  static final String START_ELSEWHERE_REFUSED = "Une demande commence au début de son processus : seuls les "
      + "administrateurs peuvent démarrer une instance à une autre étape ou sans ses règles.";

  static void install(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new InputGuard()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new InputGuard()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }

  /** The names of the variables sent with the completion of this task, empty when none were. */
  static Set<String> submittedFor(String taskId) {
    Map<String, Set<String>> submitted = SUBMITTED.get();
    Set<String> names = submitted == null ? null : submitted.get(taskId);
    return names == null ? Set.of() : names;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
        || command instanceof PatchTaskVariablesCmd) {
      refuseUnlessAdministrator(TASK_VARIABLES_REFUSED);
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      refuseUnlessAdministrator(START_ELSEWHERE_REFUSED);
    }
    String taskId;
    Map<?, ?> variables;
    if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
      taskId = (String) read(COMPLETE_TASK_ID, command);
      variables = (Map<?, ?>) read(COMPLETE_VARIABLES, command);
    } else if (command instanceof SubmitTaskFormCmd) {
      taskId = (String) read(SUBMIT_TASK_ID, command);
      variables = (Map<?, ?>) read(SUBMIT_VARIABLES, command);
    } else {
      return next.execute(command);
    }
    if (taskId == null || variables == null || variables.isEmpty()) {
      return next.execute(command);
    }
    Map<String, Set<String>> submitted = SUBMITTED.get();
    boolean first = submitted == null;
    if (first) {
      submitted = new HashMap<>();
      SUBMITTED.set(submitted);
    }
    Set<String> names = new LinkedHashSet<>();
    variables.keySet().forEach(name -> names.add(String.valueOf(name)));
    Set<String> before = submitted.put(taskId, Collections.unmodifiableSet(names));
    try {
      return next.execute(command);
    } finally {
      if (before == null) {
        submitted.remove(taskId);
      } else {
        submitted.put(taskId, before);
      }
      if (first) {
        SUBMITTED.remove();
      }
    }
  }

  private static void refuseUnlessAdministrator(String message) {
    CommandContext commandContext = Context.getCommandContext();
    Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return; // the application's own code
    }
    List<String> groups = authentication.getGroupIds();
    if (groups != null && groups.contains(Groups.ADMINS)) {
      return;
    }
    ForbiddenActionException refusal = new ForbiddenActionException(message);
    RuleViolations.record(refusal);
    LOG.info("Refusé à {} : {}", authentication.getUserId(), message);
    throw refusal;
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda " + type.getSimpleName() + " n'a plus de champ " + name
          + " : le contrôle des variables transmises est à adapter à cette version du moteur", e);
    }
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
