package org.pedaflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The authorizations of SPEC §2, created when missing: who opens which web application, who starts
 * which process, who reads the instances in Cockpit. Task authorizations are not listed here: the
 * engine grants them to the assignee and the candidate groups of each task.
 */
@Component
public class Authorizations {

  private static final Logger LOG = LoggerFactory.getLogger(Authorizations.class);

  static final List<String> ALL_GROUPS = List.copyOf(Groups.NAMES.keySet());
  static final List<String> PROCESSES = List.of(ProcessKeys.TEACHER_ONBOARDING, ProcessKeys.HYBRID_COURSE_LABELLING,
      ProcessKeys.LEARNING_LAB_PURCHASE);

  private final AuthorizationService authorizationService;

  public Authorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void createMissing() {
    // the administrators may do everything
    for (Resource resource : Resources.values()) {
      grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
    }
    // web applications
    for (String group : ALL_GROUPS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Tasklist shows the names of colleagues (assignee, candidate users)
      grant(group, Resources.USER, ANY, Permissions.READ);
      grant(group, Resources.GROUP, ANY, Permissions.READ);
    }
    grant(Groups.INSTRUCTIONAL_DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    // who starts which process
    allowStart(Groups.HR, ProcessKeys.TEACHER_ONBOARDING);
    allowStart(Groups.TEACHERS, ProcessKeys.HYBRID_COURSE_LABELLING);
    allowStart(Groups.TEACHERS, ProcessKeys.LEARNING_LAB_PURCHASE);
    allowStart(Groups.INSTRUCTIONAL_DESIGNERS, ProcessKeys.LEARNING_LAB_PURCHASE);
    allowStart(Groups.LAB_MANAGERS, ProcessKeys.LEARNING_LAB_PURCHASE);

    // everyone reads the three definitions (the models and their statistics' counts, not their instances,
    // which stay with the designers below): Tasklist shows the name and
    // diagram of a task's process, and a start that is not theirs is answered 403 (not allowed) instead of
    // 404 (as if the process did not exist: the REST API looks the definition up before asking the right)
    for (String group : ALL_GROUPS) {
      for (String process : PROCESSES) {
        grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
      }
    }

    // the instructional designers follow every instance of the three processes in Cockpit
    for (String process : PROCESSES) {
      grant(Groups.INSTRUCTIONAL_DESIGNERS, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    for (String decision : List.of(ProcessKeys.HYBRID_LABEL_ELIGIBILITY, ProcessKeys.PURCHASE_APPROVAL_LEVEL)) {
      grant(Groups.INSTRUCTIONAL_DESIGNERS, Resources.DECISION_DEFINITION, decision, Permissions.READ,
          Permissions.READ_HISTORY);
    }
  }

  private void allowStart(String group, String processKey) {
    grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /** Adds the permissions to the group's grant on that resource, creating the grant if missing. */
  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    boolean missing = authorization == null;
    if (missing) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = missing;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
      LOG.debug("Autorisation {} sur {} {} pour le groupe {}", List.of(permissions), resource.resourceName(), resourceId, groupId);
    }
  }
}
