package org.pedaflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.pedaflow.identity.Directory;
import org.pedaflow.identity.Groups;

/**
 * Who may hold or finish a user task of Pedaflow's processes, whatever the task's grants say: the
 * person the model names for it ({@code camunda:assignee}, e.g. the teacher), a member of a group the
 * model offers it to ({@code camunda:candidateGroups}), of a group the process's rules add for that
 * task ({@link ProcessRules#alsoWorkedBy(String)}), or an administrator. Anyone who may work on a task
 * may also update it in Camunda (claim it for someone, assign or delegate it, add a candidate group or
 * an owner), so without this check a committee member could hand the label decision to the teacher who
 * applied, or a lab manager the budget approval to finance's colleague who then approves twice.
 * Checked when the task goes to someone (claim, assignment, delegation, return to the owner) and when
 * an authenticated person finishes it; the model, not the task's current candidates, decides.
 */
final class TaskEligibility {

  private final Supplier<Directory> directory;

  TaskEligibility(Supplier<Directory> directory) {
    this.directory = directory;
  }

  /** The task may go to {@code assignee}: 400 for a login the directory does not know, 403 for someone else's task. */
  void checkAssignee(DelegateTask task, String assignee, ProcessRules rules) {
    if (mayWork(task, assignee, rules)) {
      return;
    }
    if (!directory.get().userExists(assignee)) {
      throw new InvalidInputException("userId", "Attribution impossible : aucun compte « " + assignee
          + " » dans l'annuaire. Vérifiez l'identifiant saisi.");
    }
    throw new ForbiddenActionException("La tâche « " + task.getName() + " » ne peut pas être attribuée à « " + assignee
        + " » : " + whoWorks(task, rules) + ".");
  }

  /** The authenticated person finishing the task may work on it (403 otherwise); the application's own calls pass. */
  void checkCompleter(DelegateTask task, String userId, ProcessRules rules) {
    if (userId != null && !mayWork(task, userId, rules)) {
      throw new ForbiddenActionException("Vous ne pouvez pas terminer la tâche « " + task.getName() + " » : "
          + whoWorks(task, rules) + ".");
    }
  }

  private boolean mayWork(DelegateTask task, String userId, ProcessRules rules) {
    TaskDefinition definition = ((TaskEntity) task).getTaskDefinition();
    if (definition == null) {
      return true; // a task outside a model (created through the API): the engine's grants decide
    }
    Object named = definition.getAssigneeExpression() == null ? null : definition.getAssigneeExpression().getValue(task.getExecution());
    if (named != null && userId.equals(named.toString())) {
      return true;
    }
    for (Expression candidate : definition.getCandidateUserIdExpressions()) {
      if (ids(candidate.getValue(task.getExecution())).contains(userId)) {
        return true;
      }
    }
    Set<String> groups = modelGroups(task, rules);
    groups.add(Groups.ADMINS);
    Collection<String> memberOf = groupsOf(userId);
    return memberOf == null ? groups.stream().anyMatch(group -> directory.get().isMember(userId, group))
        : groups.stream().anyMatch(memberOf::contains);
  }

  /** The groups of the authenticated user, known without a query; null for anyone else. */
  private static Collection<String> groupsOf(String userId) {
    CommandContext commandContext = Context.getCommandContext();
    Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
    return authentication != null && userId.equals(authentication.getUserId()) && authentication.getGroupIds() != null
        ? authentication.getGroupIds() : null;
  }

  private static String whoWorks(DelegateTask task, ProcessRules rules) {
    TaskDefinition definition = ((TaskEntity) task).getTaskDefinition();
    Set<String> groups = modelGroups(task, rules);
    Object named = definition.getAssigneeExpression() == null ? null : definition.getAssigneeExpression().getValue(task.getExecution());
    List<String> who = new ArrayList<>();
    if (named != null) {
      who.add("« " + named + " » (à qui le processus la confie)");
    }
    groups.forEach(group -> who.add("les membres du groupe « " + Groups.NAMES.getOrDefault(group, group) + " »"));
    who.add("les administrateurs");
    return "seuls " + String.join(", ", who.subList(0, who.size() - 1)) + " et " + who.get(who.size() - 1)
        + " peuvent s'en charger";
  }

  /** The groups the model offers the task to, and those the process's rules add for it. */
  private static Set<String> modelGroups(DelegateTask task, ProcessRules rules) {
    Set<String> groups = new LinkedHashSet<>();
    ((TaskEntity) task).getTaskDefinition().getCandidateGroupIdExpressions()
        .forEach(expression -> groups.addAll(ids(expression.getValue(task.getExecution()))));
    groups.addAll(rules.alsoWorkedBy(task.getTaskDefinitionKey()));
    return groups;
  }

  /** An expression's value as ids: a comma-separated String or a collection. */
  private static Set<String> ids(Object value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> ids.add(String.valueOf(item).strip()));
    } else if (value != null) {
      for (String id : value.toString().split(",")) {
        if (!id.isBlank()) {
          ids.add(id.strip());
        }
      }
    }
    return ids;
  }
}
