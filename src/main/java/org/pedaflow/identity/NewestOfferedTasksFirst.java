package org.pedaflow.identity;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On H2, a page of the tasks offered to groups, newest first (« Tâches de mes groupes » in Tasklist,
 * {@code GET /task?candidateGroups=…&sortBy=created}), is read through the engine's creation-time
 * index and stops after the page, instead of reading every offered task and sorting them all.
 *
 * <p>H2 plans the engine's query through the index on {@code ASSIGNEE_} ({@code ASSIGNEE_ is null}:
 * H2 assumes its values evenly spread, so it expects a hundred rows out of 10 000 where there are
 * 8 000) and then sorts; it never walks an index in order once it has chosen another one for a
 * condition. The statement is therefore given H2's index hint {@code USE INDEX (ACT_IDX_TASK_CREATE)}
 * for the task table. A hint changes how H2 reads, never what the query answers.
 *
 * <p>The hint is given only where it helps: on H2, when the engine's creation-time index exists, for
 * the engine's task list (not its count), sorted by creation time alone, asking for candidate groups
 * and for nothing else but the task's state (an active task, Tasklist's default). Any other criterion
 * (an instance, a definition, a name, variables…) may have an index or a join of its own that reads
 * far fewer tasks, so such a query goes to H2 as the engine wrote it.
 */
@Component
public class NewestOfferedTasksFirst extends AbstractProcessEnginePlugin {

  static final String CREATION_INDEX = "ACT_IDX_TASK_CREATE";
  static final String TASK_LIST = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";

  private static final Logger LOG = LoggerFactory.getLogger(NewestOfferedTasksFirst.class);
  private static final Pattern TASK_TABLE = Pattern.compile("\\bfrom\\s+ACT_RU_TASK\\s+RES\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Fields of the engine's task query that such a page may set: the groups and what the engine keeps
   * for them, the task's state, Tasklist's form keys, and how variables would be matched (none are).
   */
  private static final Set<String> PAGE_FIELDS = Set.of("candidateGroups", "cachedCandidateGroups", "cachedUserGroups",
      "suspensionState", "initializeFormKeys", "queries", "variableNamesIgnoreCase", "variableValuesIgnoreCase");
  private static final List<Field> OTHER_CRITERIA = otherCriteria();
  private static final List<Object> NONE = valuesWithoutCriteria();

  private volatile boolean enabled;
  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    if ("h2".equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Hint());
    }
  }

  /** The hint names an index of the engine's schema: given only once the schema is there and has it. */
  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (!"h2".equals(configuration.getDatabaseType())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection()) {
      enabled = TaskTableIndexes.has(connection, configuration.getDatabaseTablePrefix(), CREATION_INDEX);
    } catch (SQLException e) {
      LOG.info("Index {} non vérifié ({}) : les listes de tâches restent lues comme le moteur les écrit",
          CREATION_INDEX, e.getMessage());
      enabled = false;
      return;
    }
    if (!enabled) {
      LOG.info("Index {} absent : les listes de tâches restent lues comme le moteur les écrit", CREATION_INDEX);
    }
  }

  /** A page of tasks offered to groups, sorted by creation time alone, and asking for nothing else. */
  static boolean isNewestOfferedPage(TaskQueryImpl query) {
    List<String> groups = query.getCandidateGroupsInternal();
    List<QueryOrderingProperty> order = query.getOrderingProperties();
    return groups != null && !groups.isEmpty() && query.getQueries().size() == 1
        && order.size() == 1 && TaskQueryProperty.CREATE_TIME.equals(order.get(0).getQueryProperty())
        && order.get(0).getRelation() == null && noOtherCriterion(query);
  }

  private static boolean noOtherCriterion(TaskQueryImpl query) {
    try {
      for (int i = 0; i < OTHER_CRITERIA.size(); i++) {
        if (!same(OTHER_CRITERIA.get(i).get(query), NONE.get(i))) {
          return false;
        }
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** Every field of the engine's task query but those a page may set, readable, and its value in a query without criteria. */
  private static List<Field> otherCriteria() {
    List<Field> fields = new ArrayList<>();
    for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !PAGE_FIELDS.contains(field.getName())) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }

  private static List<Object> valuesWithoutCriteria() {
    TaskQueryImpl none = new TaskQueryImpl();
    List<Object> values = new ArrayList<>();
    try {
      for (Field field : OTHER_CRITERIA) {
        values.add(field.get(none));
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  /** The same criterion, an empty list or array counting as none (a filter's query extended by Tasklist's has some). */
  private static boolean same(Object value, Object none) {
    return Objects.deepEquals(value, none) || isEmpty(value) && isEmpty(none);
  }

  private static boolean isEmpty(Object value) {
    return value == null || value instanceof Collection<?> values && values.isEmpty()
        || value instanceof Map<?, ?> values && values.isEmpty() || value.getClass().isArray() && Array.getLength(value) == 0;
  }

  /** The statement as the engine wrote it, with the hint after the task table when the query is such a page. */
  static String withHint(String sql) {
    Matcher table = TASK_TABLE.matcher(sql);
    if (!table.find()) {
      return sql;
    }
    int end = table.end();
    if (table.find()) {
      return sql; // the task table more than once: not the statement this hint was written for
    }
    return sql.substring(0, end) + " USE INDEX (" + CREATION_INDEX + ")" + sql.substring(end);
  }

  /**
   * Sends such a page with the hint; every other statement goes on untouched. The hinted statement is
   * a new {@link BoundSql} with the engine's parameters, given to the executor as MyBatis provides for.
   */
  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  class Hint implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Object[] args = invocation.getArgs();
      MappedStatement statement = (MappedStatement) args[0];
      if (enabled && TASK_LIST.equals(statement.getId()) && args[1] instanceof TaskQueryImpl query
          && isNewestOfferedPage(query)) {
        BoundSql engines = statement.getBoundSql(query);
        String sql = withHint(engines.getSql());
        if (!sql.equals(engines.getSql())) {
          BoundSql hinted = new BoundSql(statement.getConfiguration(), sql, engines.getParameterMappings(), query);
          engines.getAdditionalParameters().forEach(hinted::setAdditionalParameter);
          Executor executor = (Executor) invocation.getTarget();
          RowBounds rows = (RowBounds) args[2];
          return executor.query(statement, query, rows, (ResultHandler<?>) args[3],
              executor.createCacheKey(statement, query, rows, hinted), hinted);
        }
      }
      return invocation.proceed();
    }
  }
}
