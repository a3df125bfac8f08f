package org.pedaflow.test;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Checks {@link FullCoverage}: reads the report that process-test-coverage (whose listener runs
 * just before this one after a class) wrote for the class, so it adds nothing to the shared Spring
 * context, and fails unless every flow node and sequence flow of the process was reached.
 */
public class FullCoverageListener implements TestExecutionListener, Ordered {

  /** Where process-test-coverage writes its reports when nothing else is configured. */
  private static final String DEFAULT_REPORT_DIRECTORY = "target/process-test-coverage";

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE - 1;
  }

  @Override
  public void afterTestClass(TestContext testContext) throws Exception {
    FullCoverage required = testContext.getTestClass().getAnnotation(FullCoverage.class);
    if (required == null) {
      return;
    }
    String processKey = required.value();
    String reportDirectory = testContext.getApplicationContext().getBean(ProcessEngineCoverageProperties.class)
        .getReportDirectory();
    if (reportDirectory == null) {
      reportDirectory = DEFAULT_REPORT_DIRECTORY;
    }
    CoverageStateResult result = CoverageStateJsonExporter.readCoverageStateResult(
        Files.readString(reportOf(Path.of(reportDirectory), testContext.getTestClass())));
    Model model = result.getModels().stream()
        .filter(m -> m.getKey().equals(processKey)).findFirst()
        .orElseThrow(() -> new AssertionError("Aucune couverture enregistrée pour " + processKey));
    Suite suite = result.getSuites().iterator().next();

    Set<String> covered = suite.getEventsDistinct(model.getKey()).stream().map(Event::getDefinitionKey)
        .collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(elementIds(model));
    missing.removeAll(covered);
    assertThat(missing).as("éléments de %s jamais parcourus par %s", model.getKey(),
        testContext.getTestClass().getSimpleName()).isEmpty();
  }

  private static Set<String> elementIds(Model model) {
    var bpmn = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(
        model.getXml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Set<String> ids = new TreeSet<>();
    bpmn.getModelElementsByType(FlowNode.class).forEach(node -> ids.add(node.getId()));
    bpmn.getModelElementsByType(SequenceFlow.class).forEach(flow -> ids.add(flow.getId()));
    return ids;
  }

  private static Path reportOf(Path reportDirectory, Class<?> testClass) {
    try (Stream<Path> files = Files.walk(reportDirectory)) {
      return files.filter(file -> file.getFileName().toString().equals("report.json"))
          .filter(file -> file.toString().contains(testClass.getName()))
          .max(Comparator.comparing(FullCoverageListener::lastModified))
          .orElseThrow(() -> new AssertionError("Pas de rapport de couverture pour " + testClass.getName()
              + " sous " + reportDirectory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.nio.file.attribute.FileTime lastModified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
