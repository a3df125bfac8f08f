package org.pedaflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;

/**
 * Reads the coverage that camunda-process-test-coverage collected for the running test class and
 * checks that one model is fully covered: every flow node and every sequence flow. The library
 * reports coverage over all deployed models; this names what is missing in ours.
 */
final class ModelCoverage {

  private ModelCoverage() {}

  static void assertFullyCovered(ProcessEngine engine, String processKey) {
    Suite suite = collector(engine).getActiveSuite();
    assertThat(suite).as("suite de couverture active (ProcessEngineCoverageConfiguration importée ?)").isNotNull();

    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult();
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
    Set<String> elements = new TreeSet<>();
    model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));

    Set<String> covered = suite.getEvents().stream()
        .filter(event -> processKey.equals(event.getModelKey()))
        .map(event -> event.getDefinitionKey())
        .collect(Collectors.toCollection(TreeSet::new));

    Set<String> missing = new TreeSet<>(elements);
    missing.removeAll(covered);
    assertThat(missing).as("éléments de %s jamais parcourus par %s", processKey, suite.getName()).isEmpty();

    Model coverageModel = collector(engine).getModels().stream()
        .filter(m -> processKey.equals(m.getKey())).findFirst().orElseThrow();
    assertThat(suite.calculateCoverage(coverageModel)).as("couverture de %s", processKey).isEqualTo(1.0);
  }

  private static DefaultCollector collector(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    ElementCoverageParseListener listener = configuration.getCustomPostBPMNParseListeners().stream()
        .filter(ElementCoverageParseListener.class::isInstance)
        .map(ElementCoverageParseListener.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("camunda-process-test-coverage n'est pas installé dans le moteur"));
    try {
      // the library keeps the collector of the running test class there, without a getter
      Field state = ElementCoverageParseListener.class.getDeclaredField("coverageState");
      state.setAccessible(true);
      return (DefaultCollector) state.get(listener);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Collecteur de couverture introuvable", e);
    }
  }
}
