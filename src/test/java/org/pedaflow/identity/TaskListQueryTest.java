package org.pedaflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.pedaflow.labelling.LabellingProcess;
import org.pedaflow.labelling.LabellingTestSupport;
import org.pedaflow.resilience.TestPostgres;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * The task list and the filter counts as Tasklist asks for them, with the engine checking the
 * authorizations row by row ({@code camunda.bpm.authorization.authorization-check-revokes: always},
 * the form that stays linear on PostgreSQL, README « Performance »), except for the tasks offered to
 * the person's own groups ({@link OfferedTasksCheck}): each person counts and lists exactly the tasks
 * offered to their groups, a revoke on one task hides that task and no other, and a list that reaches
 * beyond the person's own groups is checked task by task.
 * Runs on H2 and, in the pom's {@code postgres} execution, on PostgreSQL.
 */
class TaskListQueryTest extends PedaflowIntegrationTest {

  private static final String DESIGNERS_TASKS = "/task?candidateGroups=" + Groups.INSTRUCTIONAL_DESIGNERS
      + "&sortBy=created&sortOrder=desc";

  /**
   * Checks use all of a person's groups, not only those holding a grant ({@code OfferedTasksCheck}
   * skips the engine's narrowing): a group without any authorization widens nothing.
   */
  @Test
  void aGroupWithoutAnyAuthorizationWidensNothing() {
    String noGrants = "club-de-lecture";
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(noGrants).count()).isZero();
    Map<String, List<String>> people = Map.of("claire", List.of("teachers"), "ines", List.of("instructional-designers"),
        "hugo", List.of("labelling-committee"), "marc", List.of("finance"), "nobody", List.of());
    people.forEach((user, groups) -> {
      List<String> withEmptyGroup = new java.util.ArrayList<>(groups);
      withEmptyGroup.add(noGrants);
      assertThat(visible(user, withEmptyGroup)).as(user).isEqualTo(visible(user, groups));
      for (String process : List.of("teacher-onboarding", "hybrid-course-labelling", "learning-lab-purchase")) {
        assertThat(authorizationService.isUserAuthorized(user, withEmptyGroup, org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
            org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, process)).as(user + " starts " + process)
            .isEqualTo(authorizationService.isUserAuthorized(user, groups, org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, process));
      }
    });
    assertThat(visible("nobody", List.of(noGrants))).as("only a group without grants: nothing").isEqualTo(List.of(0L, 0L));
  }

  /** Tasks and running instances the person sees, with the engine's checks. */
  private List<Long> visible(String user, List<String> groups) {
    identityService.setAuthentication(user, groups);
    try {
      return List.of(taskService.createTaskQuery().count(), runtimeService.createProcessInstanceQuery().count());
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void eachPersonCountsAndListsExactlyTheTasksOfferedToTheirGroups() {
    assertThat(processEngineConfiguration().getAuthorizationCheckRevokes()).isEqualTo("always");
    List<Task> started = threeApplicationsReviewedByTheDesigners("TLQ-");
    List<String> instances = started.stream().map(Task::getProcessInstanceId).toList();
    List<String> reviews = started.stream().map(Task::getId).toList();
    // other tests of this application may have left asynchronous steps that open designers' tasks
    awaitJobs();
    long offeredToDesigners = taskService.createTaskQuery().taskCandidateGroup(Groups.INSTRUCTIONAL_DESIGNERS).count();
    String ourTasks = DESIGNERS_TASKS + "&processInstanceIdIn=" + String.join(",", instances);

    // ines (instructional-designers): the three reviews in the list; every task offered to her group in the
    // count and in the count Tasklist shows beside the filter
    assertThat(ids(rest("ines").get(ourTasks).json())).containsExactlyInAnyOrderElementsOf(reviews);
    assertThat(count("ines", "/task/count?candidateGroups=" + Groups.INSTRUCTIONAL_DESIGNERS)).isEqualTo(offeredToDesigners);
    assertThat(filterCount("ines", TasklistFilters.MY_GROUPS_TASKS)).isEqualTo(offeredToDesigners);
    // claire (teachers) asks for the same list: none of them
    assertThat(ids(rest("claire").get(ourTasks).json())).isEmpty();
    assertThat(count("claire", "/task/count?candidateGroups=" + Groups.INSTRUCTIONAL_DESIGNERS)).isZero();

    // a revoke on one task hides that task from ines, and only that one
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("ines");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(reviews.get(0));
    revoke.removePermission(Permissions.READ);
    authorizationService.saveAuthorization(revoke);
    try {
      assertThat(ids(rest("ines").get(ourTasks).json())).containsExactlyInAnyOrder(reviews.get(1), reviews.get(2));
      assertThat(count("ines", "/task/count?candidateGroups=" + Groups.INSTRUCTIONAL_DESIGNERS))
          .isEqualTo(offeredToDesigners - 1);
      assertThat(filterCount("ines", TasklistFilters.MY_GROUPS_TASKS)).isEqualTo(offeredToDesigners - 1);
    } finally {
      authorizationService.deleteAuthorization(revoke.getId());
    }
    assertThat(filterCount("ines", TasklistFilters.MY_GROUPS_TASKS)).isEqualTo(offeredToDesigners);
    runtimeService.deleteProcessInstances(instances, "fin du test de la liste des tâches", true, true);
  }

  /** « Mes tâches » counts what is assigned to the person: a claimed task moves there from « Tâches de mes groupes ». */
  @Test
  void aClaimedTaskMovesFromTheirGroupsTasksToMyTasks() {
    List<Task> started = threeApplicationsReviewedByTheDesigners("TLQ-M-");
    List<String> instances = started.stream().map(Task::getProcessInstanceId).toList();
    awaitJobs();
    long mine = filterCount("ines", TasklistFilters.MY_TASKS);
    long offered = filterCount("ines", TasklistFilters.MY_GROUPS_TASKS);
    long claires = filterCount("claire", TasklistFilters.MY_TASKS);

    assertThat(rest("ines").post("/task/" + started.get(0).getId() + "/claim", java.util.Map.of("userId", "ines")).status())
        .isEqualTo(204);
    assertThat(filterCount("ines", TasklistFilters.MY_TASKS)).isEqualTo(mine + 1);
    assertThat(filterCount("ines", TasklistFilters.MY_GROUPS_TASKS)).isEqualTo(offered - 1);
    assertThat(filterCount("claire", TasklistFilters.MY_TASKS)).isEqualTo(claires);

    assertThat(rest("ines").post("/task/" + started.get(0).getId() + "/unclaim", java.util.Map.of()).status()).isEqualTo(204);
    assertThat(filterCount("ines", TasklistFilters.MY_TASKS)).isEqualTo(mine);
    assertThat(filterCount("ines", TasklistFilters.MY_GROUPS_TASKS)).isEqualTo(offered);
    runtimeService.deleteProcessInstances(instances, "fin du test de la liste des tâches", true, true);
  }

  @Test
  void theGrantOfAnOfferedTaskStaysWhileTheOfferStands() {
    Task review = startApplicationReviewedByTheDesigners("TLQ-O-" + System.nanoTime() % 100_000);
    String offered = DESIGNERS_TASKS + "&processInstanceIdIn=" + review.getProcessInstanceId();
    String anyOfTheInstance = "/task?processInstanceId=" + review.getProcessInstanceId();
    Authorization grant = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(review.getId()).groupIdIn(Groups.INSTRUCTIONAL_DESIGNERS).singleResult();
    assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
    int permissions = grant.getPermissions(new Permissions[] {Permissions.READ, Permissions.UPDATE}).length;

    // the administrator deletes the grant the engine wrote when it offered the task to the designers, or
    // takes READ out of it: the lists of offered tasks would still show it to them (OfferedTasksCheck), so
    // it is refused, in French, naming the ways that do withdraw the task; nothing changes
    Api.Response deleted = rest("admin").delete("/authorization/" + grant.getId());
    assertThat(deleted.status()).isEqualTo(400);
    assertThat(deleted.json().get("message").asText())
        .contains("« " + Groups.INSTRUCTIONAL_DESIGNERS + " »", review.getId(), "retirez le groupe des candidats", "« REFUSER »");
    Api.Response edited = rest("admin").put("/authorization/" + grant.getId(), Map.of(
        "type", Authorization.AUTH_TYPE_GRANT, "permissions", List.of("UPDATE"), "groupId", Groups.INSTRUCTIONAL_DESIGNERS,
        "resourceType", Resources.TASK.resourceType(), "resourceId", review.getId()));
    assertThat(edited.status()).isEqualTo(400);
    Api.Response moved = rest("admin").put("/authorization/" + grant.getId(), Map.of(
        "type", Authorization.AUTH_TYPE_GRANT, "permissions", List.of("READ", "UPDATE"), "groupId", Groups.TEACHERS,
        "resourceType", Resources.TASK.resourceType(), "resourceId", review.getId()));
    assertThat(moved.status()).isEqualTo(400);
    assertThatThrownBy(() -> authorizationService.deleteAuthorization(grant.getId()))
        .isInstanceOf(org.pedaflow.rules.InvalidInputException.class);
    // a grant on every task does not stand in for it (it could be deleted in turn, unchecked)
    Authorization everyTask = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    everyTask.setGroupId(Groups.INSTRUCTIONAL_DESIGNERS);
    everyTask.setResource(Resources.TASK);
    everyTask.setResourceId(Authorization.ANY);
    everyTask.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(everyTask);
    try {
      assertThat(rest("admin").delete("/authorization/" + grant.getId()).status()).isEqualTo(400);
    } finally {
      authorizationService.deleteAuthorization(everyTask.getId());
    }
    // someone who may not change authorizations gets the engine's answer (404: she may not even see it),
    // and learns nothing about the task
    Api.Response notTheirs = rest("ines").delete("/authorization/" + grant.getId());
    assertThat(notTheirs.status()).isEqualTo(404);
    assertThat(notTheirs.body()).doesNotContain(review.getId());
    Authorization kept = authorizationService.createAuthorizationQuery().authorizationId(grant.getId()).singleResult();
    assertThat(kept.getGroupId()).isEqualTo(Groups.INSTRUCTIONAL_DESIGNERS);
    assertThat(kept.getPermissions(new Permissions[] {Permissions.READ, Permissions.UPDATE})).hasSize(permissions);
    assertThat(ids(rest("ines").get(offered).json())).containsExactly(review.getId());
    assertThat(ids(rest("ines").get(anyOfTheInstance).json())).containsExactly(review.getId());

    // an edit that keeps READ is an ordinary edit
    Api.Response widened = rest("admin").put("/authorization/" + grant.getId(), Map.of(
        "type", Authorization.AUTH_TYPE_GRANT, "permissions", List.of("READ", "UPDATE", "READ_VARIABLE"),
        "groupId", Groups.INSTRUCTIONAL_DESIGNERS, "resourceType", Resources.TASK.resourceType(), "resourceId", review.getId()));
    assertThat(widened.status()).isEqualTo(204);

    // the task withdrawn from the group: then the grant may go, and no list shows the task to ines any more
    taskService.deleteCandidateGroup(review.getId(), Groups.INSTRUCTIONAL_DESIGNERS);
    assertThat(rest("admin").delete("/authorization/" + grant.getId()).status()).isEqualTo(204);
    assertThat(ids(rest("ines").get(offered).json())).isEmpty();
    assertThat(count("ines", "/task/count?candidateGroups=" + Groups.INSTRUCTIONAL_DESIGNERS
        + "&processInstanceIdIn=" + review.getProcessInstanceId())).isZero();
    assertThat(ids(rest("ines").get(anyOfTheInstance).json())).isEmpty();
    runtimeService.deleteProcessInstance(review.getProcessInstanceId(), "fin du test de la liste des tâches", true, true);
  }

  @Test
  void aListThatReachesBeyondTheirOwnGroupsIsCheckedTaskByTask() {
    Task review = startApplicationReviewedByTheDesigners("TLQ-B-" + System.nanoTime() % 100_000);
    String ofTheInstance = "&processInstanceIdIn=" + review.getProcessInstanceId();

    // claire (teachers) asking for her group and the designers', by a pattern, or for any group: not
    // her groups only, so each task is checked, and the designers' review is not hers to see
    for (String query : List.of("candidateGroups=" + Groups.TEACHERS + "," + Groups.INSTRUCTIONAL_DESIGNERS,
        "candidateGroupLike=instructional%25", "withCandidateGroups=true", "candidateUser=ines")) {
      assertThat(ids(rest("claire").get("/task?" + query + ofTheInstance).json())).as(query).isEmpty();
      assertThat(ids(rest("ines").get("/task?" + query + ofTheInstance).json())).as(query).containsExactly(review.getId());
    }
    // an « or » branch is checked too
    Map<String, Object> orBranch = Map.of("processInstanceIdIn", List.of(review.getProcessInstanceId()),
        "orQueries", List.of(Map.of("candidateGroups", List.of(Groups.TEACHERS, Groups.INSTRUCTIONAL_DESIGNERS),
            "assignee", "claire")));
    assertThat(ids(rest("claire").post("/task", orBranch).json())).isEmpty();
    assertThat(ids(rest("ines").post("/task", orBranch).json())).containsExactly(review.getId());
    runtimeService.deleteProcessInstance(review.getProcessInstanceId(), "fin du test de la liste des tâches", true, true);
  }

  @Test
  void aPageOfTheirGroupsTasksIsReadNewestFirstThroughTheCreationIndexOnH2() {
    List<Task> started = threeApplicationsReviewedByTheDesigners("TLQ-N-");
    List<String> instances = started.stream().map(Task::getProcessInstanceId).toList();
    List<String> reviews = started.stream().map(Task::getId).toList();
    awaitJobs();
    boolean h2 = !TestPostgres.selected();
    if (h2) {
      jdbc.execute("SET QUERY_STATISTICS FALSE");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
    }
    List<String> statements = new ArrayList<>();
    JsonNode page;
    JsonNode shiftedPage;
    JsonNode filterPage;
    List<String> checkedList;
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    try {
      page = rest("ines").get(DESIGNERS_TASKS + "&firstResult=0&maxResults=15").json();
      shiftedPage = rest("ines").get(DESIGNERS_TASKS + "&firstResult=1&maxResults=2").json();
      // the filter's list as Tasklist asks for it (its HAL form runs the same query)
      filterPage = rest("ines").post("/filter/" + filterId(TasklistFilters.MY_GROUPS_TASKS) + "/list?firstResult=0&maxResults=15",
          Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")), "active", true)).json();
      rest("ines").get("/task/count?candidateGroups=" + Groups.INSTRUCTIONAL_DESIGNERS);
      rest("ines").get(DESIGNERS_TASKS + "&processInstanceId=" + instances.get(0));
      // with a revoke the list is checked task by task (OfferedTasksCheck), and still read newest first
      revoke.setUserId("ines");
      revoke.setResource(Resources.TASK);
      revoke.setResourceId(reviews.get(0));
      revoke.removePermission(Permissions.READ);
      authorizationService.saveAuthorization(revoke);
      checkedList = ids(rest("ines").get(DESIGNERS_TASKS).json());
      if (h2) {
        statements.addAll(jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
            + "WHERE SQL_STATEMENT LIKE '%ACT_RU_TASK RES%' AND SQL_STATEMENT LIKE '%I.GROUP_ID_ IN%'", String.class));
      }
    } finally {
      if (revoke.getId() != null) {
        authorizationService.deleteAuthorization(revoke.getId());
      }
      if (h2) {
        jdbc.execute("SET QUERY_STATISTICS FALSE");
      }
    }

    // the same pages as the engine's own plan gives: the newest offered tasks, newest first (a criterion
    // the page does not have, « created after 1970 », keeps the engine's statement as it is)
    List<Task> all = taskService.createTaskQuery().taskCandidateGroupIn(List.of(Groups.INSTRUCTIONAL_DESIGNERS))
        .taskCreatedAfter(new java.util.Date(0)).orderByTaskCreateTime().desc().list();
    assertThat(page).hasSize(Math.min(15, all.size()));
    assertThat(createTimes(page)).isEqualTo(createTimes(all.subList(0, page.size())));
    assertThat(createTimes(shiftedPage)).isEqualTo(createTimes(all.subList(1, 3)));
    assertThat(all.stream().map(Task::getId).toList()).containsAll(ids(page)).containsAll(ids(shiftedPage));
    List<Task> active = taskService.createTaskQuery().taskCandidateGroupIn(List.of(Groups.INSTRUCTIONAL_DESIGNERS))
        .active().taskCreatedAfter(new java.util.Date(0)).orderByTaskCreateTime().desc().list();
    assertThat(createTimes(filterPage)).isEqualTo(createTimes(active.subList(0, filterPage.size())));
    // checked: every offered task but the revoked one
    List<String> allButRevoked = new ArrayList<>(all.stream().map(Task::getId).toList());
    allButRevoked.remove(reviews.get(0));
    assertThat(checkedList).containsExactlyInAnyOrderElementsOf(allButRevoked);

    if (h2) {
      // each connection keeps the statements of a Tasklist request parsed and planned (application.yaml)
      assertThat(jdbc.queryForObject("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
          + "WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'", String.class)).isEqualTo("128");
      // H2 received the pages with the hint (the list of ines's groups and the filter's; the checked list),
      // and the count and the list of one instance as the engine wrote them
      List<String> hinted = statements.stream()
          .filter(sql -> sql.contains("USE INDEX (" + NewestOfferedTasksFirst.CREATION_INDEX + ")")).toList();
      assertThat(hinted).allSatisfy(sql -> assertThat(sql).startsWith("select distinct").doesNotContain("PROC_INST_ID_ ="));
      assertThat(hinted).filteredOn(sql -> !sql.contains("ACT_RU_AUTHORIZATION")).hasSize(2);
      assertThat(hinted).filteredOn(sql -> sql.contains("ACT_RU_AUTHORIZATION")).hasSize(1);
      assertThat(statements).filteredOn(sql -> sql.startsWith("select count")).isNotEmpty()
          .noneMatch(sql -> sql.contains("USE INDEX"));
      assertThat(statements).filteredOn(sql -> sql.contains("RES.PROC_INST_ID_ =")).isNotEmpty()
          .noneMatch(sql -> sql.contains("USE INDEX"));
      // and H2 reads the page in the index's order, stopping after it, instead of sorting every offered task
      String ownGroupsPage = hinted.stream().filter(sql -> !sql.contains("ACT_RU_AUTHORIZATION")
          && !sql.contains("SUSPENSION_STATE_ =")).findFirst().orElseThrow();
      assertThat(ownGroupsPage.chars().filter(c -> c == '?').count()).as("groups, limit, offset").isEqualTo(3);
      String plan = jdbc.queryForObject("EXPLAIN " + ownGroupsPage, String.class, Groups.INSTRUCTIONAL_DESIGNERS, 15, 0);
      assertThat(plan).contains("/* index sorted */");
    } else {
      assertThat(processEngineConfiguration().getSqlSessionFactory().getConfiguration().getInterceptors())
          .noneMatch(interceptor -> interceptor instanceof NewestOfferedTasksFirst.Hint);
    }
    runtimeService.deleteProcessInstances(instances, "fin du test de la liste des tâches", true, true);
  }

  @Test
  void theOverdueCountReadsTheDueDateIndex() throws Exception {
    assertThat(indexesOfTheTaskTable()).contains(OverdueTasksIndex.NAME);
    Task review = startApplicationReviewedByTheDesigners("TLQ-R-" + System.nanoTime() % 100_000);
    long overdue = filterCount("ines", TasklistFilters.OVERDUE);
    boolean h2 = !TestPostgres.selected();
    if (h2) {
      jdbc.execute("SET QUERY_STATISTICS FALSE");
      jdbc.execute("SET QUERY_STATISTICS TRUE");
    }
    List<String> statements;
    try {
      review.setDueDate(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
      taskService.saveTask(review);
      // the review is now overdue, and counted as such
      assertThat(filterCount("ines", TasklistFilters.OVERDUE)).isEqualTo(overdue + 1);
      statements = h2 ? jdbc.queryForList("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
          + "WHERE SQL_STATEMENT LIKE 'select count%' AND SQL_STATEMENT LIKE '%RES.DUE_DATE_ <%'", String.class) : List.of();
    } finally {
      if (h2) {
        jdbc.execute("SET QUERY_STATISTICS FALSE");
      }
    }
    if (h2) {
      // H2 reads the overdue tasks through the index (the plan does not depend on the values)
      String count = statements.stream().findFirst().orElseThrow();
      Object[] unknown = new Object[(int) count.chars().filter(c -> c == '?').count()];
      assertThat(jdbc.queryForObject("EXPLAIN " + count, String.class, unknown)).contains(OverdueTasksIndex.NAME);
    }
    runtimeService.deleteProcessInstance(review.getProcessInstanceId(), "fin du test de la liste des tâches", true, true);
  }

  private List<String> indexesOfTheTaskTable() throws java.sql.SQLException {
    List<String> names = new ArrayList<>();
    try (java.sql.Connection connection = jdbc.getDataSource().getConnection()) {
      for (String table : List.of("ACT_RU_TASK", "act_ru_task")) {
        try (java.sql.ResultSet index = connection.getMetaData().getIndexInfo(null, null, table, false, true)) {
          while (index.next()) {
            names.add(index.getString("INDEX_NAME").toUpperCase());
          }
        }
      }
    }
    return names;
  }

  private List<Task> threeApplicationsReviewedByTheDesigners(String prefix) {
    List<Task> reviews = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      reviews.add(startApplicationReviewedByTheDesigners(prefix + i + "-" + System.nanoTime() % 100_000));
    }
    return reviews;
  }

  /** Claire applies for the label; the pedagogical review is then offered to the designers. */
  private Task startApplicationReviewedByTheDesigners(String courseCode) {
    identityService.setAuthentication("claire", List.of(Groups.TEACHERS));
    String instanceId;
    try {
      instanceId = runtimeService.startProcessInstanceByKey(LabellingProcess.PROCESS_KEY,
          LabellingTestSupport.application(courseCode, 50)).getId();
    } finally {
      identityService.clearAuthentication();
    }
    Task review = taskService.createTaskQuery().processInstanceId(instanceId)
        .taskCandidateGroup(Groups.INSTRUCTIONAL_DESIGNERS).singleResult();
    assertThat(review).as("revue pédagogique proposée aux ingénieurs pédagogiques").isNotNull();
    return review;
  }

  private long count(String user, String path) {
    return rest(user).get(path).json().get("count").asLong();
  }

  /** The count Tasklist shows beside a filter ({@code GET /filter?resourceType=Task&itemCount=true}). */
  private long filterCount(String user, String filterName) {
    for (JsonNode filter : rest(user).get("/filter?resourceType=Task&itemCount=true").json()) {
      if (filter.get("name").asText().equals(filterName)) {
        return filter.get("itemCount").asLong();
      }
    }
    throw new AssertionError("filtre absent : " + filterName);
  }

  private String filterId(String filterName) {
    for (JsonNode filter : rest("ines").get("/filter?resourceType=Task").json()) {
      if (filter.get("name").asText().equals(filterName)) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("filtre absent : " + filterName);
  }

  private static List<String> createTimes(JsonNode tasks) {
    List<String> times = new ArrayList<>();
    tasks.forEach(task -> times.add(java.time.OffsetDateTime.parse(task.get("created").asText(),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant().toString()));
    return times;
  }

  private static List<String> createTimes(List<Task> tasks) {
    return tasks.stream().map(task -> task.getCreateTime().toInstant().toString()).toList();
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }
}
