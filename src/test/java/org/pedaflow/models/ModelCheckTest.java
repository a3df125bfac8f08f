package org.pedaflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pedaflow.identity.ProcessKeys;

/**
 * The models of the repository ({@code processes/}, {@code forms/}) follow the rules that keep them
 * editable in Camunda Modeler and runnable by the engine. Plain JUnit, no Spring context.
 *
 * <p>{@code -Dmodels.root=/some/checkout} checks the models of another folder (its
 * {@code src/main} too, if it has one).
 */
class ModelCheckTest {

  static final Path SPEC_TABLE = Path.of(ModelCheck.SPEC_TABLE);

  @Test
  void theModelsOfTheRepositoryFollowTheRules() throws IOException {
    Path root = Path.of(System.getProperty("models.root", "")).toAbsolutePath();
    assumeTrue(hasProcesses(root), "pas de fichier .bpmn dans " + root.resolve("processes") + " : rien à contrôler");
    Path main = Files.isDirectory(root.resolve("src/main")) ? root.resolve("src/main") : Path.of("src/main");

    List<Finding> findings = ModelCheck.check(root, main.resolve("java"), main.resolve("resources"), SpecVariables.read(SPEC_TABLE));

    if (!findings.isEmpty()) {
      fail(report(findings));
    }
  }

  @Test
  void theSpecTableNamesTheThreeProcesses() {
    SpecVariables spec = SpecVariables.read(SPEC_TABLE);

    assertThat(List.of(ProcessKeys.TEACHER_ONBOARDING, ProcessKeys.HYBRID_COURSE_LABELLING, ProcessKeys.LEARNING_LAB_PURCHASE))
        .allMatch(spec::knowsProcess);
    assertThat(spec.variables(ProcessKeys.LEARNING_LAB_PURCHASE, "ApproveBudget"))
        // budgetComments: the Pedaflow extension documented under the table (refusal reason)
        .containsOnlyKeys("budgetApproved", "budgetCommitmentNumber", "tenderReference", "budgetComments");
    assertThat(spec.variables(ProcessKeys.TEACHER_ONBOARDING, "CompleteNeedsQuestionnaire").get("interests").values())
        .containsExactly("hybrid", "assessment", "accessibility", "flipped-classroom");
  }

  /** A renamed bean would silently break every mail step a designer adds from the template list. */
  @Test
  void theElementTemplatesNameExistingBeans() throws IOException {
    SpringBeans beans = SpringBeans.scan(Path.of("src/main/java"));
    Path folder = Path.of("processes/.camunda/element-templates");
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      JsonNode templates = new ObjectMapper().readTree(file.toFile());
      assertThat(templates.isArray()).as(file + " : un tableau de modèles").isTrue();
      for (JsonNode template : templates) {
        assertThat(template.path("$schema").asText()).as(file + " : $schema")
            .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
        for (JsonNode property : template.path("properties")) {
          if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
            String bean = property.path("value").asText().replaceAll("^\\$\\{(\\w+)}$", "$1");
            assertThat(beans.hasBean(bean)).as(file + " : le bean « " + bean + " » existe").isTrue();
          }
        }
      }
    }
  }

  @Test
  void theBeanIndexFindsTheFoundationBeans() {
    SpringBeans beans = SpringBeans.scan(Path.of("src/main/java"));

    assertThat(beans.names()).contains("sendMail", "timers", "mailService", "referenceGenerator");
  }

  private static boolean hasProcesses(Path root) throws IOException {
    if (!Files.isDirectory(root.resolve("processes"))) {
      return false;
    }
    try (Stream<Path> files = Files.list(root.resolve("processes"))) {
      return files.anyMatch(f -> f.toString().endsWith(".bpmn"));
    }
  }

  static String report(List<Finding> findings) {
    return findings.size() + " problème(s) dans les modèles (voir docs/models.md, « Changing a process ») :\n  - "
        + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  - ")) + "\n";
  }
}
