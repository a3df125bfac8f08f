package org.pedaflow.identity;

import static org.pedaflow.platform.EngineCommands.field;
import static org.pedaflow.platform.EngineCommands.read;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
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
 * <p>Any other authorization is changed as usual, and so is a task's grant once the task is no longer
 * offered to the group. A grant on every task does not stand in for it: it could be deleted in turn,
 * unchecked. A person who may not change the authorization gets the engine's answer, as before
 * (over REST a 404: the authorization is looked up first), and learns nothing about the task.
 * The rows are read over the command's own connection, outside the engine's entity cache, so that
 * the command's own update of the same row is not disturbed.
 */
final class OfferedTaskGrants extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(OfferedTaskGrants.class);

  static final String REFUSED = "Cette autorisation permet au groupe « %s » de voir la tâche « %s » (%s), qui lui "
      + "est proposée, et les listes de Tasklist la lui montreraient encore. Pour lui retirer la tâche, retirez le "
      + "groupe des candidats de la tâche (l'autorisation peut ensuite être supprimée) ou ajoutez une autorisation de type « REFUSER ».";

  private static final String PURPOSE = "la garde des autorisations des tâches proposées";
  private static final Field DELETED_ID = field(DeleteAuthorizationCmd.class, "authorizationId", PURPOSE);
  private static final Field SAVED = field(SaveAuthorizationCmd.class, "authorization", PURPOSE);

  private final String tablePrefix;

  OfferedTaskGrants(String tablePrefix) {
    this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof DeleteAuthorizationCmd) {
      check((String) read(DELETED_ID, command), null);
    } else if (command instanceof SaveAuthorizationCmd) {
      AuthorizationEntity saved = (AuthorizationEntity) read(SAVED, command);
      if (saved != null && saved.getId() != null) {
        check(saved.getId(), saved);
      }
    }
    return next.execute(command);
  }

  /** The grant stored as {@code id}, about to be deleted ({@code after} null) or replaced by {@code after}. */
  private void check(String id, AuthorizationEntity after) {
    if (id == null) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    if (!commandContext.getAuthorizationManager()
        .isAuthorized(after == null ? Permissions.DELETE : Permissions.UPDATE, Resources.AUTHORIZATION, id)) {
      return; // not theirs to change: the engine answers 403 as usual, and nothing is said about the task
    }
    Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
    StoredGrant before = storedGrant(connection, id);
    if (before == null || (after != null && stillLetsRead(after, before))) {
      return;
    }
    TaskEntity task = commandContext.getTaskManager().findTaskById(before.taskId());
    if (task == null || !offeredTo(connection, task.getId(), before.groupId())) {
      return;
    }
    String message = String.format(REFUSED, before.groupId(), task.getName(), task.getId());
    InvalidInputException refusal = new InvalidInputException(null, message);
    RuleViolations.record(refusal);
    LOG.info("Refusé à {} : modification de l'autorisation {} : {}", commandContext.getAuthenticatedUserId(), id, message);
    throw refusal;
  }

  /** The group's READ on one task, as stored; null when the row is anything else. */
  private StoredGrant storedGrant(Connection connection, String id) {
    return select(connection, "SELECT GROUP_ID_, RESOURCE_ID_, PERMS_ FROM " + tablePrefix + "ACT_RU_AUTHORIZATION"
        + " WHERE ID_ = ? AND TYPE_ = ? AND RESOURCE_TYPE_ = ? AND GROUP_ID_ IS NOT NULL AND RESOURCE_ID_ <> ?",
        row -> row.next() && readable(row.getInt(3)) ? new StoredGrant(row.getString(1), row.getString(2)) : null,
        id, Authorization.AUTH_TYPE_GRANT, Resources.TASK.resourceType(), Authorization.ANY);
  }

  private static boolean stillLetsRead(AuthorizationEntity after, StoredGrant before) {
    return after.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
        && after.getResourceType() == Resources.TASK.resourceType()
        && before.groupId().equals(after.getGroupId()) && before.taskId().equals(after.getResourceId())
        && after.isPermissionGranted(Permissions.READ);
  }

  private boolean offeredTo(Connection connection, String taskId, String groupId) {
    return select(connection, "SELECT COUNT(*) FROM " + tablePrefix + "ACT_RU_IDENTITYLINK"
        + " WHERE TASK_ID_ = ? AND GROUP_ID_ = ? AND TYPE_ = ?",
        row -> row.next() && row.getLong(1) > 0, taskId, groupId, IdentityLinkType.CANDIDATE);
  }

  private interface Rows<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private static <T> T select(Connection connection, String sql, Rows<T> reader, Object... parameters) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Lecture des autorisations d'une tâche impossible : " + e.getMessage(), e);
    }
  }

  private static boolean readable(int permissions) {
    int read = Permissions.READ.getValue();
    return (permissions & read) == read;
  }

  private record StoredGrant(String groupId, String taskId) {}
}
