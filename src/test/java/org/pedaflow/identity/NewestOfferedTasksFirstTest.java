package org.pedaflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/**
 * Which task queries get H2's index hint, and where it goes in the statement. That H2 receives it
 * for Tasklist's page, and answers the same tasks, is checked against the running application in
 * {@link TaskListQueryTest}.
 */
class NewestOfferedTasksFirstTest {

  private static final List<String> DESIGNERS = List.of(Groups.INSTRUCTIONAL_DESIGNERS);

  @Test
  void tasklistsPageOfTheGroupsTasksNewestFirstGetsTheHint() {
    // what Tasklist sends for « Tâches de mes groupes »: the filter's groups, active tasks, newest first
    assertThat(hinted(q -> q.taskCandidateGroupIn(DESIGNERS).active().orderByTaskCreateTime().desc())).isTrue();
    // GET /task?candidateGroups=…&sortBy=created&sortOrder=asc: the index is read the other way
    assertThat(hinted(q -> q.taskCandidateGroupIn(DESIGNERS).orderByTaskCreateTime().asc())).isTrue();
    // « Tâches de mes groupes »: the filter's query (the person's groups, by expression) extended by Tasklist's
    TaskQueryImpl filter = (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupInExpression("${currentUserGroups()}");
    TaskQueryImpl extended = (TaskQueryImpl) filter.extend(new TaskQueryImpl().active().orderByTaskCreateTime().desc());
    extended.taskCandidateGroupIn(DESIGNERS); // what the expression gives when the query runs
    assertThat(NewestOfferedTasksFirst.isNewestOfferedPage(extended)).isTrue();
    // how to match variables, when there are none to match
    assertThat(hinted(q -> q.taskCandidateGroupIn(DESIGNERS).matchVariableNamesIgnoreCase().matchVariableValuesIgnoreCase()
        .orderByTaskCreateTime().desc())).isTrue();
    // Tasklist's HAL list asks for the form keys: read after the page, not a criterion
    assertThat(hinted(q -> q.taskCandidateGroupIn(DESIGNERS).initializeFormKeys().orderByTaskCreateTime().desc())).isTrue();
  }

  @Test
  void anyOtherQueryIsSentAsTheEngineWroteIt() {
    Map<String, UnaryOperator<TaskQuery>> others = Map.ofEntries(
        Map.entry("no group", q -> q.active().orderByTaskCreateTime().desc()),
        Map.entry("sorted by priority", q -> q.taskCandidateGroupIn(DESIGNERS).orderByTaskPriority().desc()),
        Map.entry("creation, then priority", q -> q.taskCandidateGroupIn(DESIGNERS).orderByTaskCreateTime().desc()
            .orderByTaskPriority().asc()),
        Map.entry("not sorted", q -> q.taskCandidateGroupIn(DESIGNERS)),
        Map.entry("one instance", q -> q.taskCandidateGroupIn(DESIGNERS).processInstanceId("42")
            .orderByTaskCreateTime().desc()),
        Map.entry("instances", q -> q.taskCandidateGroupIn(DESIGNERS).processInstanceIdIn("42", "43")
            .orderByTaskCreateTime().desc()),
        Map.entry("a definition key", q -> q.taskCandidateGroupIn(DESIGNERS).processDefinitionKey("hybrid-course-labelling")
            .orderByTaskCreateTime().desc()),
        Map.entry("a variable", q -> q.taskCandidateGroupIn(DESIGNERS).processVariableValueEquals("reference", "HYB-2026-0001")
            .orderByTaskCreateTime().desc()),
        Map.entry("a name", q -> q.taskCandidateGroupIn(DESIGNERS).taskNameLike("%scénarisation%")
            .orderByTaskCreateTime().desc()),
        Map.entry("assigned ones too", q -> q.taskCandidateGroupIn(DESIGNERS).includeAssignedTasks()
            .orderByTaskCreateTime().desc()),
        Map.entry("a candidate user", q -> q.taskCandidateUser("ines").orderByTaskCreateTime().desc()),
        Map.entry("an « or » branch", q -> q.taskCandidateGroupIn(DESIGNERS).or().taskAssignee("ines").endOr()
            .orderByTaskCreateTime().desc()),
        Map.entry("created after", q -> q.taskCandidateGroupIn(DESIGNERS).taskCreatedAfter(new java.util.Date(0))
            .orderByTaskCreateTime().desc()),
        Map.entry("one group, named alone", q -> q.taskCandidateGroup(Groups.INSTRUCTIONAL_DESIGNERS)
            .orderByTaskCreateTime().desc()),
        Map.entry("tenants", q -> q.taskCandidateGroupIn(DESIGNERS).tenantIdIn("a").orderByTaskCreateTime().desc()),
        Map.entry("no subtasks", q -> q.taskCandidateGroupIn(DESIGNERS).excludeSubtasks().orderByTaskCreateTime().desc()),
        Map.entry("comments and attachments", q -> q.taskCandidateGroupIn(DESIGNERS).withCommentAttachmentInfo()
            .orderByTaskCreateTime().desc()));
    others.forEach((name, query) -> assertThat(hinted(query)).as(name).isFalse());
  }

  @Test
  void theHintFollowsTheTaskTableOnce() {
    String page = "select distinct RES.REV_, RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I "
        + "on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 ) order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?";
    assertThat(NewestOfferedTasksFirst.withHint(page)).isEqualTo("select distinct RES.REV_, RES.ID_ from ACT_RU_TASK RES "
        + "USE INDEX (ACT_IDX_TASK_CREATE) left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 ) "
        + "order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?");
    assertThat(NewestOfferedTasksFirst.withHint("select RES.ID_\n    from ACT_RU_TASK RES\n  left join X"))
        .isEqualTo("select RES.ID_\n    from ACT_RU_TASK RES USE INDEX (ACT_IDX_TASK_CREATE)\n  left join X");
    // not the statement it was written for: left as it is
    String twice = "select RES.ID_ from ACT_RU_TASK RES where exists (select 1 from ACT_RU_TASK RES where 1 = 1)";
    assertThat(NewestOfferedTasksFirst.withHint(twice)).isEqualTo(twice);
    String prefixed = "select RES.ID_ from CAMUNDA.ACT_RU_TASK RES";
    assertThat(NewestOfferedTasksFirst.withHint(prefixed)).isEqualTo(prefixed);
  }

  private static boolean hinted(UnaryOperator<TaskQuery> criteria) {
    return NewestOfferedTasksFirst.isNewestOfferedPage((TaskQueryImpl) criteria.apply(new TaskQueryImpl()));
  }
}
