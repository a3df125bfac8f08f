package org.pedaflow.models;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The decisions of {@code processes/*.dmn}: each file parses (model API and DMN engine), has the
 * execution platform, each decision a history time to live and a shape; and the inputs of a
 * decision name variables the calling process has when its business rule task runs.
 */
final class Decisions {

  private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "true", "false", "null", "if", "then", "else",
      "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function", "execution");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([A-Za-z_][\\w]*)\\b(?!\\s*\\()");

  private static DmnEngine engine;

  private record Entry(String file, Decision decision, DmnDecision parsed) {}

  private final ModelCheck check;
  private final Map<String, Entry> byId = new LinkedHashMap<>();

  Decisions(ModelCheck check) {
    this.check = check;
  }

  private static synchronized DmnEngine engine() {
    if (engine == null) {
      engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }
    return engine;
  }

  boolean exists(String decisionId) {
    return byId.containsKey(decisionId);
  }

  Set<String> ids() {
    return byId.keySet();
  }

  void read(Path path, String file) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromFile(path.toFile());
    } catch (RuntimeException e) {
      check.add(file, "fichier", "illisible : " + ModelCheck.rootMessage(e),
          "Ouvrez-le dans Camunda Modeler ; s'il ne s'ouvre pas, reprenez sa dernière version du dépôt (git).");
      return;
    }
    ModelCheck.checkPlatform(check, file, model.getDefinitions());
    Map<String, DmnDecision> parsed = new HashMap<>();
    try {
      for (DmnDecision decision : engine().parseDecisions(model)) {
        parsed.put(decision.getKey(), decision);
      }
    } catch (RuntimeException e) {
      check.add(file, "fichier", "le moteur de décision refuse ce fichier : " + ModelCheck.rootMessage(e),
          "Ouvrez la table dans Modeler et corrigez la cellule ou la colonne citée (type, politique de résultat, expression).");
    }
    Set<String> drawn = new TreeSet<>();
    collectShapes(model.getDocument().getRootElement(), drawn);
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      String element = describe(decision);
      if (ModelCheck.blank(decision.getCamundaHistoryTimeToLiveString())) {
        check.add(file, element, "pas de durée de conservation de l'historique (historyTimeToLive)",
            "Dans Modeler, sélectionnez la décision (vue DRD), section « History cleanup », champ « Time to live » : P365D.");
      }
      if (ModelCheck.blank(decision.getName())) {
        check.add(file, element, "la décision n'a pas de nom", "Dans Modeler, donnez-lui un nom en français.");
      }
      if (!drawn.contains(decision.getId())) {
        check.add(file, element, "la décision n'a pas de forme dans le diagramme des exigences (DMNShape)",
            "Ouvrez le fichier dans Modeler : dans la vue DRD, la décision doit apparaître ; sinon recréez-la depuis la palette.");
      }
      byId.put(decision.getId(), new Entry(file, decision, parsed.get(decision.getId())));
    }
  }

  private static void collectShapes(DomElement element, Set<String> drawn) {
    if ("DMNShape".equals(element.getLocalName()) && element.getAttribute("dmnElementRef") != null) {
      drawn.add(element.getAttribute("dmnElementRef"));
    }
    element.getChildElements().forEach(child -> collectShapes(child, drawn));
  }

  /**
   * The inputs of {@code decisionId} (and of the decisions it requires) read only {@code available}
   * variables; then the decision is evaluated once with sample values of the SPEC types, so that a
   * cell the FEEL engine cannot read is reported now rather than in a running instance.
   */
  void checkInputs(String decisionId, String processKey, String caller, Set<String> available) {
    Entry entry = byId.get(decisionId);
    Set<String> known = new TreeSet<>(available);
    List<Entry> chain = new ArrayList<>();
    collectRequired(entry, chain, new LinkedHashSet<>());
    for (Entry required : chain) {
      if (required != entry) {
        known.addAll(outputNames(required.decision()));
      }
    }
    boolean allKnown = true;
    for (Entry decision : chain) {
      for (Map.Entry<String, String> input : inputExpressions(decision.decision()).entrySet()) {
        if (ModelCheck.blank(input.getValue())) {
          check.add(decision.file(), describe(decision.decision()) + ", entrée « " + input.getKey() + " »",
              "l'entrée n'a pas d'expression", "Dans Modeler, double-cliquez sur l'en-tête de la colonne et saisissez le nom d'une variable.");
          allKnown = false;
          continue;
        }
        for (String name : identifiers(input.getValue())) {
          if (!known.contains(name)) {
            allKnown = false;
            check.add(decision.file(), describe(decision.decision()) + ", entrée « " + input.getKey() + " »",
                "l'expression « " + input.getValue().trim() + " » lit la variable « " + name + " », que le processus "
                    + processKey + " n'a pas encore quand " + caller + " appelle la décision",
                "Corrigez l'expression d'entrée (variables disponibles à cet endroit : " + String.join(", ", available) + ").");
          }
        }
      }
    }
    if (allKnown && entry.parsed() != null) {
      evaluateWithSamples(entry, processKey, known);
    }
  }

  private void evaluateWithSamples(Entry entry, String processKey, Set<String> variables) {
    Map<String, SpecVariables.Variable> types = check.spec().allVariables(processKey);
    Map<String, Object> samples = new HashMap<>();
    for (String name : variables) {
      SpecVariables.Variable variable = types.get(name);
      samples.put(name, variable == null ? "exemple" : sample(variable));
    }
    try {
      engine().evaluateDecision(entry.parsed(), samples);
    } catch (RuntimeException e) {
      check.add(entry.file(), describe(entry.decision()), "la décision échoue avec des valeurs d'exemple " + samples + " : "
              + ModelCheck.rootMessage(e),
          "Ouvrez la table dans Modeler et corrigez la cellule citée (syntaxe FEEL, type, règles qui se recouvrent en politique UNIQUE).");
    }
  }

  private static Object sample(SpecVariables.Variable variable) {
    return switch (variable.type()) {
      case Integer -> 1;
      case Double -> 1.0;
      case Boolean -> Boolean.FALSE;
      case Date -> LocalDate.now().toString();
      case Choice, Choices -> variable.values().isEmpty() ? "exemple" : variable.values().get(0);
      case String -> "exemple";
    };
  }

  private void collectRequired(Entry entry, List<Entry> chain, Set<String> seen) {
    if (entry == null || !seen.add(entry.decision().getId())) {
      return;
    }
    chain.add(entry);
    for (InformationRequirement requirement : entry.decision().getInformationRequirements()) {
      if (requirement.getRequiredDecision() != null) {
        collectRequired(byId.get(requirement.getRequiredDecision().getId()), chain, seen);
      }
    }
  }

  private static Set<String> outputNames(Decision decision) {
    Set<String> names = new TreeSet<>();
    if (decision.getExpression() instanceof DecisionTable table) {
      for (Output output : table.getOutputs()) {
        if (output.getName() != null) {
          names.add(output.getName());
        }
      }
    } else if (decision.getVariable() != null) {
      names.add(decision.getVariable().getName());
    }
    return names;
  }

  /** Column label (or id) → input expression text; for a literal expression decision, its text. */
  private static Map<String, String> inputExpressions(Decision decision) {
    Map<String, String> expressions = new LinkedHashMap<>();
    if (decision.getExpression() instanceof DecisionTable table) {
      for (Input input : table.getInputs()) {
        String label = ModelCheck.blank(input.getLabel()) ? input.getId() : input.getLabel();
        String text = input.getInputExpression() == null || input.getInputExpression().getText() == null
            ? null : input.getInputExpression().getText().getTextContent();
        expressions.put(label, text);
      }
    } else if (decision.getExpression() instanceof LiteralExpression literal && literal.getText() != null) {
      expressions.put("expression", literal.getText().getTextContent());
    }
    return expressions;
  }

  /** The variable names an expression reads: identifiers outside strings, not functions, not properties. */
  static Set<String> identifiers(String expression) {
    String text = expression.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ").replaceAll("'(\\\\.|[^'\\\\])*'", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = IDENTIFIER.matcher(text);
    while (matcher.find()) {
      if (!FEEL_WORDS.contains(matcher.group(1))) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  private static String describe(Decision decision) {
    return "décision" + (ModelCheck.blank(decision.getName()) ? "" : " « " + decision.getName() + " »") + " (" + decision.getId() + ")";
  }
}
