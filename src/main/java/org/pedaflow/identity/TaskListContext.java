package org.pedaflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pedaflow.platform.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Lets the people who work on a task see in Tasklist's list which case it is about. The columns of
 * the filters (reference, course, teacher, equipment) are process variables, which only those who
 * may read the whole instance see; the committee, lab managers and finance may not. So every new
 * user task of Pedaflow's three processes ({@link #PROCESSES}) gets a copy of them as task variables,
 * readable by whoever may read the task, and by nobody else. Their history is not written ({@link FullHistoryWithoutDisplayCopies}): they copy what
 * the history already holds.
 */
@Component
public class TaskListContext extends AbstractProcessEnginePlugin {

  /** The business key, as a task variable (Tasklist's columns show variables only). */
  public static final String REFERENCE = "reference";

  /** Process variables shown as columns of the Tasklist filters. */
  public static final List<String> SHOWN_VARIABLES = List.of("courseTitle", "teacherName", "itemDescription");

  /**
   * The processes whose variables the columns are: their tasks get the copies. A new process shows
   * its tasks in the filters without these columns until it is added here (with its own columns in
   * {@link TasklistFilters} if it has other variables to show).
   */
  static final Set<String> PROCESSES =
      Set.of(ProcessKeys.TEACHER_ONBOARDING, ProcessKeys.HYBRID_COURSE_LABELLING, ProcessKeys.LEARNING_LAB_PURCHASE);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new FullHistoryWithoutDisplayCopies());
    configuration.setCustomHistoryLevels(levels);
    ParseListeners.addAfterEngineListeners(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
            || !PROCESSES.contains(definition.getKey())) {
          return;
        }
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskListContext::copyContext);
      }
    });
  }

  private static void copyContext(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (businessKey != null) {
      task.setVariableLocal(REFERENCE, businessKey);
    }
    for (String name : SHOWN_VARIABLES) {
      Object value = task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
