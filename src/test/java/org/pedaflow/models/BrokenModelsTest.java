package org.pedaflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model check fails on broken copies of a small sample process, with a message naming the file,
 * the element and the fix. {@code broken/valid/} passes; each other folder of
 * {@code src/test/resources/models/broken/} is that copy with one defect, and so is each mutation below.
 */
class BrokenModelsTest {

  private static final Path BROKEN = Path.of("src/test/resources/models/broken");
  private static final SpecVariables SAMPLE_SPEC = SpecVariables.read(BROKEN.resolve("spec-variables.md"));
  private static final Path SOURCES = Path.of("src/main/java");
  /** The sample's mail template (test resources only: not on the application's classpath root). */
  private static final Path SAMPLE_RESOURCES = BROKEN.resolve("resources");
  private static final String BPMN = "processes/model-check-sample.bpmn";
  private static final String DMN = "processes/sample-approval-level.dmn";
  private static final String APPROVE_FORM = "forms/sample-approve.form";
  private static final String START_FORM = "forms/sample-start.form";

  private static List<Finding> check(Path root) {
    return ModelCheck.check(root, SOURCES, SAMPLE_RESOURCES, SAMPLE_SPEC);
  }

  @Test
  void theValidCopyPasses() {
    List<Finding> findings = check(BROKEN.resolve("valid"));

    if (!findings.isEmpty()) {
      fail(ModelCheckTest.report(findings));
    }
  }

  @Test
  void aMissingShapeFails() {
    assertThat(check(BROKEN.resolve("missing-shape"))).singleElement().satisfies(finding -> {
      assertThat(finding.file()).isEqualTo(BPMN);
      assertThat(finding.element()).isEqualTo("tâche utilisateur « Approuver le prêt » (ApproveLoan)");
      assertThat(finding.problem()).contains("n'a pas de forme dans le diagramme (BPMNShape)");
      assertThat(finding.fix()).contains("reprenez la version précédente du fichier (git)", "<bpmndi:BPMNShape bpmnElement=\"ApproveLoan\">");
    });
  }

  @Test
  void aFormFieldThatMatchesNoVariableFails() {
    assertThat(check(BROKEN.resolve("unknown-form-field"))).singleElement().satisfies(finding -> {
      assertThat(finding.file()).isEqualTo(APPROVE_FORM);
      assertThat(finding.element()).contains("« Humeur de l'approbateur »", "clé approverMood");
      assertThat(finding.problem()).contains("« approverMood » ne fait pas partie de ce que la SPEC prévoit pour la tâche ApproveLoan");
      assertThat(finding.fix()).contains("variables attendues : loanApproved, approvalComment");
    });
  }

  @Test
  void aServiceTaskWithoutRetryCycleFails() {
    assertThat(check(BROKEN.resolve("missing-retry-cycle"))).singleElement().satisfies(finding -> {
      assertThat(finding.file()).isEqualTo(BPMN);
      assertThat(finding.element()).isEqualTo("tâche de service « Informer le demandeur » (SendLoanGrantedMail)");
      assertThat(finding.problem()).contains("pas de cycle de nouvelles tentatives (failedJobRetryTimeCycle)");
      assertThat(finding.fix()).contains("« Retry time cycle » : R3/PT5M");
    });
  }

  @Test
  void aMissingFormFails() {
    assertThat(check(BROKEN.resolve("missing-form"))).singleElement().satisfies(finding -> {
      assertThat(finding.file()).isEqualTo(BPMN);
      assertThat(finding.element()).isEqualTo("tâche utilisateur « Approuver le prêt » (ApproveLoan)");
      assertThat(finding.problem()).contains("le formulaire « sample-approve » n'existe pas (fichier forms/sample-approve.form introuvable)");
    });
  }

  /** One more defect, made by replacing text in one file of a copy of {@code valid/}. */
  record Mutation(String name, String file, String from, String to, String expectedElement, String expectedProblem,
      int expectedFindings) {

    Mutation(String name, String file, String from, String to, String expectedElement, String expectedProblem) {
      this(name, file, from, to, expectedElement, expectedProblem, 1);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Mutation> mutations() {
    return Stream.of(
        new Mutation("shapes overlap", BPMN, "<dc:Bounds x=\"842\" y=\"224\"", "<dc:Bounds x=\"590\" y=\"230\"",
            "passerelle exclusive « Prêt approuvé ? » (Gateway_LoanApproved) et événement de fin « Prêt refusé » (LoanRefused)",
            "se chevauchent"),
        new Mutation("flow without edge", BPMN,
            "      <bpmndi:BPMNEdge id=\"Flow_ToLoanGranted_di\" bpmnElement=\"Flow_ToLoanGranted\">\n"
                + "        <di:waypoint x=\"780\" y=\"367\" />\n        <di:waypoint x=\"842\" y=\"367\" />\n"
                + "      </bpmndi:BPMNEdge>\n", "",
            "flux (Flow_ToLoanGranted) de « Informer le demandeur » vers « Prêt accordé »", "n'a pas de flèche"),
        new Mutation("unnamed task", BPMN, "name=\"Approuver le prêt\"", "", "tâche utilisateur (ApproveLoan)", "n'a pas de nom"),
        new Mutation("unnamed deciding gateway", BPMN, "name=\"Prêt approuvé ?\"", "", "passerelle exclusive (Gateway_LoanApproved)",
            "la passerelle qui choisit un chemin n'a pas de nom"),
        new Mutation("unnamed answer", BPMN, "name=\"Non\" ", "", "flux (Flow_LoanRefused) de « Prêt approuvé ? » vers « Prêt refusé »",
            "n'a pas de nom"),
        new Mutation("wrong execution platform", BPMN, "modeler:executionPlatformVersion=\"7.24.0\"",
            "modeler:executionPlatformVersion=\"7.21.0\"", "fichier", "« Camunda Platform 7.21.0 » au lieu de « Camunda Platform 7.24.0 »"),
        new Mutation("process without history time to live", BPMN, "isExecutable=\"true\" camunda:historyTimeToLive=\"P365D\"",
            "isExecutable=\"true\"", "processus « Prêt de matériel (exemple du contrôle des modèles) » (model-check-sample)",
            "historyTimeToLive"),
        new Mutation("form bound to the latest version", BPMN, "camunda:formRef=\"sample-approve\" camunda:formRefBinding=\"deployment\"",
            "camunda:formRef=\"sample-approve\"", "tâche utilisateur « Approuver le prêt » (ApproveLoan)", "au lieu de « deployment »"),
        new Mutation("user task without due date", BPMN, " camunda:dueDate=\"${dateTime().plusDays(7).toDate()}\"", "",
            "tâche utilisateur « Approuver le prêt » (ApproveLoan)", "pas d'échéance"),
        new Mutation("service task without save point", BPMN, " camunda:asyncBefore=\"true\"", "",
            "tâche de service « Informer le demandeur » (SendLoanGrantedMail)", "asyncBefore"),
        new Mutation("timer delay that is not configured", BPMN, "camunda:dueDate=\"${dateTime().plusDays(7).toDate()}\"",
            "camunda:dueDate=\"${dateTime().plus(timers.get('sample.approval-delay')).toDate()}\"",
            "tâche utilisateur « Approuver le prêt » (ApproveLoan)", "le délai « sample.approval-delay » n'est pas configuré"),
        new Mutation("unknown bean", BPMN, "${sendMail}", "${sendMails}",
            "tâche de service « Informer le demandeur » (SendLoanGrantedMail)", "le bean « sendMails »"),
        new Mutation("unknown mail template", BPMN, ">sample-loan-granted<", ">sample-loan-grant<",
            "tâche de service « Informer le demandeur » (SendLoanGrantedMail)", "le modèle d'e-mail « sample-loan-grant » n'existe pas"),
        new Mutation("mail without recipient", BPMN, "<camunda:inputParameter name=\"mailTo\">${requesterId}</camunda:inputParameter>", "",
            "tâche de service « Informer le demandeur » (SendLoanGrantedMail)", "pas de destinataire"),
        new Mutation("unknown decision", BPMN, "camunda:decisionRef=\"sample-approval-level\"", "camunda:decisionRef=\"sample-approval\"",
            "tâche de règle métier « Déterminer le niveau d'approbation » (CheckLoanAmount)", "la décision « sample-approval » n'existe"),
        new Mutation("decision input the process does not have", DMN, "<text>amountEur</text>", "<text>amountInEuros</text>",
            "décision « Déterminer le niveau d'approbation d'un prêt » (sample-approval-level), entrée « Valeur du matériel (€) »",
            "lit la variable « amountInEuros », que le processus model-check-sample n'a pas encore"),
        new Mutation("decision cell the engine cannot read", DMN, "<text>&lt;= 500</text>", "<text>&lt;= 500 €</text>",
            "décision « Déterminer le niveau d'approbation d'un prêt » (sample-approval-level)", "la décision échoue"),
        new Mutation("decision without history time to live", DMN, " camunda:historyTimeToLive=\"P365D\"", "",
            "décision « Déterminer le niveau d'approbation d'un prêt » (sample-approval-level)", "historyTimeToLive"),
        new Mutation("form field of the wrong type", APPROVE_FORM, "\"type\": \"checkbox\"", "\"type\": \"textfield\"",
            "champ « Prêt approuvé » (clé loanApproved, type textfield)", "la SPEC attend pour « loanApproved » un Boolean"),
        // a renamed field is also a SPEC variable without a field: two findings
        new Mutation("renamed form field", START_FORM, "\"key\": \"amountEur\"", "\"key\": \"amount\"",
            "champ « Valeur du matériel (€) » (clé amount, type number)", "« amount » ne fait pas partie", 2),
        new Mutation("form id that is not its file name", START_FORM, "\"id\": \"sample-start\"", "\"id\": \"sample-request\"",
            "formulaire", "l'id du formulaire est « sample-request » au lieu de « sample-start »"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void eachMutationFailsWithItsMessage(Mutation mutation, @TempDir Path copy) throws IOException {
    copyTree(BROKEN.resolve("valid"), copy);
    Path file = copy.resolve(mutation.file());
    String original = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(original).as("texte à remplacer dans " + mutation.file()).contains(mutation.from());
    Files.writeString(file, original.replace(mutation.from(), mutation.to()), StandardCharsets.UTF_8);

    List<Finding> findings = check(copy);

    assertThat(findings).as(() -> ModelCheckTest.report(findings)).hasSize(mutation.expectedFindings());
    assertThat(findings).anySatisfy(finding -> {
      assertThat(finding.file()).isEqualTo(mutation.file());
      assertThat(finding.element()).isEqualTo(mutation.expectedElement());
      assertThat(finding.problem()).contains(mutation.expectedProblem());
    });
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
