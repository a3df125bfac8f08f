package org.pedaflow.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The three Tasklist filters of SPEC §2, created when missing and readable by every group. */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "Mes tâches";
  public static final String MY_GROUPS_TASKS = "Tâches de mes groupes";
  public static final String OVERDUE = "En retard";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  public void createMissing() {
    create(MY_TASKS, "Les tâches qui vous sont attribuées", -10,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    create(MY_GROUPS_TASKS, "Les tâches proposées à vos groupes, à prendre en charge", -5,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"));
    create(OVERDUE, "Les tâches dont l'échéance est dépassée", 0,
        taskService.createTaskQuery().dueBeforeExpression("${now()}"));
  }

  private void create(String name, String description, int priority, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("refresh", true);
      // columns of the list; TaskListContext copies them onto each task, so every worker of the task sees them
      properties.put("variables", List.of(
          Map.of("name", TaskListContext.REFERENCE, "label", "Référence"),
          Map.of("name", "courseTitle", "label", "Cours"),
          Map.of("name", "teacherName", "label", "Enseignant"),
          Map.of("name", "itemDescription", "label", "Matériel")));
      filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
      filterService.saveFilter(filter);
      LOG.info("Filtre Tasklist créé : {}", name);
    }
    for (String group : Authorizations.ALL_GROUPS) {
      boolean granted = authorizationService.createAuthorizationQuery()
          .authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(group).resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
      if (!granted) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    }
  }
}
