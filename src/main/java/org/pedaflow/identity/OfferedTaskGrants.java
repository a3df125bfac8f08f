package org.pedaflow.identity;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.pedaflow.rules.InvalidInputException;
import org.pedaflow.rules.RuleViolations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps true what {@link OfferedTasksCheck} relies on: a group to which a task is offered may read
 * that task. The engine grants it when it offers the task and never takes the grant back while the
 * task lives, but an administrator could, in Admin: by deleting the grant, or by editing it (another
 * group, another task, no READ). The lists of offered tasks would still show the task to the group,
 * where the engine's own check would hide it. Such a change is refused with a 400 naming the two ways
 * that do withdraw a task from a group, and that every list honours: remove the group from the task's
 * candidates (the grant may then be deleted), or add a revoke (« REFUSER » in Admin).
 *
 * <p>Called by {@link OfferedTasksCheck.Manager} when the engine updates or deletes an authorization,
 * after the engine's own check of the right to do so: a person who may not change the authorization
 * gets the engine's answer, as before, and learns nothing about the task. Only the administrators'
 * commands (saving or deleting an authorization) are checked, not the engine's own changes. Any other
 * authorization is changed as usual, and so is a task's grant once the task is no longer offered to
 * the group. A grant on every task does not stand in for it: it could be deleted in turn, unchecked.
 */
final class OfferedTaskGrants {

  private static final Logger LOG = LoggerFactory.getLogger(OfferedTaskGrants.class);

  static final String REFUSED = "Cette autorisation permet au groupe « %s » de voir la tâche « %s » (%s), qui lui "
      + "est proposée, et les listes de Tasklist la lui montreraient encore. Pour lui retirer la tâche, retirez le "
      + "groupe des candidats de la tâche (l'autorisation peut ensuite être supprimée) ou ajoutez une autorisation de type « REFUSER ».";

  private OfferedTaskGrants() {}

  /** {@code before}, as stored, is about to be deleted ({@code after} null) or replaced by {@code after}. */
  static void refuseIfWithdrawn(AuthorizationEntity before, AuthorizationEntity after) {
    if (before == null || !byAnAdministratorsCommand() || !isGroupReadOnOneTask(before)
        || (after != null && stillLetsRead(after, before))) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    TaskEntity task = commandContext.getTaskManager().findTaskById(before.getResourceId());
    if (task == null || task.getIdentityLinks().stream().noneMatch(link ->
        IdentityLinkType.CANDIDATE.equals(link.getType()) && before.getGroupId().equals(link.getGroupId()))) {
      return;
    }
    String message = String.format(REFUSED, before.getGroupId(), task.getName(), task.getId());
    InvalidInputException refusal = new InvalidInputException(null, message);
    RuleViolations.record(refusal);
    LOG.info("Refusé à {} : modification de l'autorisation {} : {}", commandContext.getAuthenticatedUserId(),
        before.getId(), message);
    throw refusal;
  }

  /** A change asked for through the authorization service (Admin, REST, Java), not one the engine makes itself. */
  private static boolean byAnAdministratorsCommand() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation != null
        && (invocation.getCommand() instanceof SaveAuthorizationCmd || invocation.getCommand() instanceof DeleteAuthorizationCmd);
  }

  private static boolean isGroupReadOnOneTask(AuthorizationEntity grant) {
    return grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
        && grant.getResourceType() == Resources.TASK.resourceType()
        && grant.getGroupId() != null && !Authorization.ANY.equals(grant.getResourceId())
        && grant.isPermissionGranted(Permissions.READ);
  }

  private static boolean stillLetsRead(AuthorizationEntity after, AuthorizationEntity before) {
    return after.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
        && after.getResourceType() == Resources.TASK.resourceType()
        && before.getGroupId().equals(after.getGroupId()) && before.getResourceId().equals(after.getResourceId())
        && after.isPermissionGranted(Permissions.READ);
  }
}
