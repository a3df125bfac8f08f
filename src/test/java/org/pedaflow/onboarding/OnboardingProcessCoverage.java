package org.pedaflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Fails a test class unless its tests passed every flow node and every sequence flow of
 * {@code teacher-onboarding}. Reads the report that camunda-process-test-coverage (registered for
 * every Spring test) writes after the class: ordered just before that listener, this one's
 * {@code afterTestClass} runs just after it. Same check as the purchase process's.
 */
public class OnboardingProcessCoverage implements TestExecutionListener, Ordered {

  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 1;
  }

  @Override
  public void afterTestClass(TestContext testContext) throws IOException {
    JsonNode report = new ObjectMapper().readTree(
        REPORTS.resolve(testContext.getTestClass().getName()).resolve("report.json").toFile());
    Set<String> elements = new TreeSet<>();
    BpmnModelInstance model = model(report);
    model.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
    model.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));
    Set<String> passed = new TreeSet<>();
    for (JsonNode suite : report.get("suites")) {
      for (JsonNode run : suite.get("runs")) {
        for (JsonNode event : run.get("events")) {
          if (Onboarding.PROCESS_KEY.equals(event.get("modelKey").asText())) {
            passed.add(event.get("definitionKey").asText());
          }
        }
      }
    }
    elements.removeAll(passed);
    assertThat(elements).as("éléments de %s jamais parcourus par %s", Onboarding.PROCESS_KEY,
        testContext.getTestClass().getSimpleName()).isEmpty();
  }

  private static BpmnModelInstance model(JsonNode report) {
    for (JsonNode model : report.get("models")) {
      if (Onboarding.PROCESS_KEY.equals(model.get("key").asText())) {
        return Bpmn.readModelFromStream(
            new ByteArrayInputStream(model.get("xml").asText().getBytes(StandardCharsets.UTF_8)));
      }
    }
    throw new AssertionError("Aucune instance de " + Onboarding.PROCESS_KEY + " dans le rapport de couverture");
  }
}
