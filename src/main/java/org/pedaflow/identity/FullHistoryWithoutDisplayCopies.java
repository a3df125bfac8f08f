package org.pedaflow.identity;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level {@code full}, as configured ({@code camunda.bpm.history-level: full}), less one thing:
 * the display copies that {@link TaskListContext} puts on each task for Tasklist's columns. They
 * repeat the business key and process variables whose history is already complete, and vanish with
 * the task; writing their history would cost three more rows per copy and task and record nothing.
 * Every other event, every variable a person entered or a step set, stays in the audit trail.
 *
 * <p>It takes the place of the built-in level of the same name and id (the engine keeps the last
 * level of that name), so a database created with {@code full} starts as before.
 */
final class FullHistoryWithoutDisplayCopies extends HistoryLevelFull {

  private static final Set<String> COPIES = copies();

  private static Set<String> copies() {
    Set<String> names = new HashSet<>(TaskListContext.SHOWN_VARIABLES);
    names.add(TaskListContext.REFERENCE);
    return Set.copyOf(names);
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !(entity instanceof VariableInstanceEntity variable && isDisplayCopy(variable));
  }

  /** A task variable with the name of a copy, on a task of one of the processes that get copies. */
  static boolean isDisplayCopy(VariableInstanceEntity variable) {
    if (variable.getTaskId() == null || !COPIES.contains(variable.getName()) || variable.getProcessDefinitionId() == null) {
      return false;
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(variable.getProcessDefinitionId());
    return definition != null && TaskListContext.PROCESSES.contains(definition.getKey());
  }

  // the engine compares levels with equals (« is full history on? »): same id, same level
  @Override
  public boolean equals(Object other) {
    return other instanceof HistoryLevel level && level.getId() == getId();
  }

  @Override
  public int hashCode() {
    return getId();
  }
}
