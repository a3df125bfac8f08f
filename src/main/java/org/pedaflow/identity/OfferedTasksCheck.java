package org.pedaflow.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * The tasks offered to the person's own groups are listed and counted without checking each one's
 * authorizations again: « Tâches de mes groupes » in Tasklist, its count, and any task query that
 * asks only for tasks offered to groups the person belongs to.
 *
 * <p>Who sees what does not change (SPEC §2: a person sees the tasks assigned to them or offered to
 * one of their groups). When a task is offered to a group, the engine itself grants that group
 * READ on the task ({@code DefaultAuthorizationProvider}, with authorization on, which Pedaflow always
 * has) and never takes the grant back while the task lives; so every task such a query finds is one
 * the check would let through, and the check only costs time: a look-up per task, 8 000 of them for
 * the designers' count at 10 000 open tasks. It is skipped only when
 * <ul>
 *   <li>the query asks for candidate groups, all of them the person's own, and nothing that widens
 *       it (no candidate user, group pattern, « any candidate group » or « or » branch);</li>
 *   <li>no revoke exists for the person or any of their groups (Pedaflow writes none; an
 *       administrator may, in Admin, and then every query is checked as before).</li>
 * </ul>
 * An administrator's change that would take READ on an offered task away from its group (deleting or
 * editing the engine's grant) is refused ({@link OfferedTaskGrants}): the premise above stays true.
 * Every other query, and every query without an authenticated person, keeps the engine's check.
 */
@Component
public class OfferedTasksCheck extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, but for the task queries described above. */
  static class Manager extends AuthorizationManager {

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      Authentication person = getCurrentAuthentication();
      if (check.isAuthorizationCheckEnabled() && person != null && person.getUserId() != null
          && offeredOnlyTo(query, person.getGroupIds()) && !anyRevokeFor(person)) {
        check.setAuthorizationCheckEnabled(false);
      }
    }

    /** After the engine's own check of the right to change it: see {@link OfferedTaskGrants}. */
    @Override
    public void update(AuthorizationEntity authorization) {
      // as stored: the command has just read it (into the command's cache) before handing over its new state
      AuthorizationEntity before = getDbEntityManager().selectById(AuthorizationEntity.class, authorization.getId());
      super.update(authorization);
      OfferedTaskGrants.refuseIfWithdrawn(before, authorization);
    }

    @Override
    public void delete(DbEntity authorization) {
      super.delete(authorization);
      if (authorization instanceof AuthorizationEntity stored) {
        OfferedTaskGrants.refuseIfWithdrawn(stored, null);
      }
    }

    /**
     * The engine first narrows the person's groups to those that hold at least one authorization,
     * by reading every distinct group of the authorization table, in every command that checks one
     * (four times for Tasklist's filter counts). That table holds one grant per offered task, so the
     * read costs 1.2 ms on PostgreSQL at 10 000 open tasks, each time. A group without any
     * authorization matches no row of any check, grant or revoke, so checking with all of the
     * person's groups gives the same answers: the read is skipped.
     */
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }

    private static boolean offeredOnlyTo(TaskQueryImpl query, List<String> ownGroups) {
      if (query.getQueries().size() != 1 || query.getCandidateUser() != null || query.getCandidateGroupLike() != null
          || query.isWithCandidateGroups() || query.isWithCandidateUsers() || ownGroups == null) {
        return false;
      }
      List<String> groups = query.getCandidateGroups();
      return groups != null && !groups.isEmpty() && ownGroups.containsAll(groups);
    }

    private boolean anyRevokeFor(Authentication person) {
      Map<String, Object> parameters = new HashMap<>();
      parameters.put("userId", person.getUserId());
      parameters.put("authGroupIds", person.getGroupIds());
      return getDbEntityManager().selectBoolean("selectRevokeAuthorization", parameters);
    }
  }
}
