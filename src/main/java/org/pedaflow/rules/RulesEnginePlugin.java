package org.pedaflow.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.pedaflow.identity.Directory;
import org.pedaflow.platform.ParseListeners;
import org.pedaflow.reference.ReferenceGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the server-side rules on every process the engine parses: a start listener that checks
 * the start variables and gives the instance its business key, a complete listener on every user
 * task that checks the completion variables, and an assignment listener that checks who the task
 * goes to (a claim, an assignment, a delegation): only someone the model names for the task or offers
 * it to, or an administrator ({@link TaskEligibility}, also checked at the completion). All three are built into the model (a start or a modification
 * that skips the models' listeners does not skip them) and run inside the engine's transaction, so a
 * refusal persists nothing, whichever way the request came in. A start or a completion may carry only
 * the variables the process declares for it ({@link ProcessRules#startVariables()},
 * {@link ProcessRules#completionVariables()}; the start listener checks the first, the
 * {@link InputGuard} the second, before the engine writes them), and the other ways of writing them
 * are kept to the administrators.
 */
@Component
public class RulesEnginePlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(RulesEnginePlugin.class);

  private final ObjectProvider<ProcessRules> rules;
  private final ObjectProvider<ReferenceGenerator> references;
  private final TaskEligibility eligibility;

  public RulesEnginePlugin(ObjectProvider<ProcessRules> rules, ObjectProvider<ReferenceGenerator> references,
      ObjectProvider<Directory> directory) {
    this.rules = rules;
    this.references = references;
    this.eligibility = new TaskEligibility(directory::getObject);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfterEngineListeners(configuration, new RulesParseListener());
    InputGuard.install(configuration, this::rulesFor);
  }

  /** The rules by process key, gathered at the first start or completion (the beans exist by then). */
  private volatile Map<String, ProcessRules> rulesByProcess;

  Optional<ProcessRules> rulesFor(String processKey) {
    Map<String, ProcessRules> byProcess = rulesByProcess;
    if (byProcess == null) {
      Map<String, ProcessRules> gathered = new HashMap<>();
      rules.orderedStream().forEach(r -> gathered.putIfAbsent(r.processKey(), r));
      byProcess = Map.copyOf(gathered);
      rulesByProcess = byProcess;
    }
    return Optional.ofNullable(byProcess.get(processKey));
  }

  private static String currentUserId() {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext == null ? null : commandContext.getAuthenticatedUserId();
  }

  /**
   * Refuses the variables sent that the start or the task does not collect, naming them (the first,
   * in alphabetical order, as the field) and what it does collect.
   */
  static void refuseUnexpected(Set<String> sent, Set<String> expected, String where) {
    List<String> unexpected = sent.stream().filter(name -> !expected.contains(name)).sorted().toList();
    if (unexpected.isEmpty()) {
      return;
    }
    String names = String.join(", ", unexpected.stream().map(name -> "« " + name + " »").toList());
    throw new InvalidInputException(unexpected.get(0), names + " : " + (unexpected.size() == 1
        ? "cette donnée n'est pas attendue pour " : "ces données ne sont pas attendues pour ") + where
        + " (données attendues : " + String.join(", ", expected.stream().sorted().toList()) + ").");
  }

  private class RulesParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, new StartRules(processDefinition.getKey()));
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, new CompletionRules());
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, new AssignmentRules());
    }
  }

  private class StartRules implements ExecutionListener {

    private final String processKey;

    StartRules(String processKey) {
      this.processKey = processKey;
    }

    @Override
    public void notify(DelegateExecution execution) {
      Optional<ProcessRules> processRules = rulesFor(processKey);
      if (processRules.isEmpty()) {
        return;
      }
      Inputs inputs = new Inputs(execution, null, execution.getProcessInstanceId(), currentUserId());
      try {
        if (!InputGuard.isAdministrator()) { // an administrator may restart an instance with its last variables
          refuseUnexpected(execution.getVariableNames(), processRules.get().startVariables(),
              "le démarrage de « " + ((ExecutionEntity) execution).getProcessDefinition().getName() + " »");
        }
        processRules.get().checkStart(inputs);
      } catch (RuleViolationException violation) {
        RuleViolations.record(violation);
        LOG.info("Démarrage de {} refusé pour {} : {}", processKey, currentUserId(), violation.getMessage());
        throw violation;
      }
      if (processRules.get().businessKeyType() != null) {
        String businessKey = references.getObject().next(processRules.get().businessKeyType());
        execution.setProcessBusinessKey(businessKey);
        LOG.info("{} : instance de {} démarrée par {}", businessKey, processKey, currentUserId());
      }
    }
  }

  /** A listener on the user tasks of the processes that have rules. */
  private abstract class TaskRules implements TaskListener {

    private final String refused;

    TaskRules(String refused) {
      this.refused = refused;
    }

    abstract void check(ProcessRules processRules, DelegateTask task, Inputs inputs);

    @Override
    public void notify(DelegateTask task) {
      ExecutionEntity execution = (ExecutionEntity) task.getExecution();
      if (execution == null) {
        return;
      }
      String processKey = execution.getProcessDefinition().getKey();
      Optional<ProcessRules> processRules = rulesFor(processKey);
      if (processRules.isEmpty()) {
        return;
      }
      Inputs inputs = new Inputs(task, task, task.getProcessInstanceId(), currentUserId());
      try {
        check(processRules.get(), task, inputs);
      } catch (RuleViolationException violation) {
        RuleViolations.record(violation);
        LOG.info("{} : {} de la tâche {} refusée pour {} : {}", execution.getProcessBusinessKey(), refused,
            task.getTaskDefinitionKey(), currentUserId(), violation.getMessage());
        throw violation;
      }
    }
  }

  private class CompletionRules extends TaskRules {

    CompletionRules() {
      super("fin");
    }

    @Override
    void check(ProcessRules processRules, DelegateTask task, Inputs inputs) {
      eligibility.checkCompleter(task, currentUserId(), processRules);
      processRules.checkCompletion(task.getTaskDefinitionKey(), inputs);
    }
  }

  private class AssignmentRules extends TaskRules {

    AssignmentRules() {
      super("attribution");
    }

    @Override
    void check(ProcessRules processRules, DelegateTask task, Inputs inputs) {
      if (task.getAssignee() != null) {
        eligibility.checkAssignee(task, task.getAssignee(), processRules);
        processRules.checkAssignment(task.getTaskDefinitionKey(), task.getAssignee(), inputs);
      }
    }
  }
}
