package org.pedaflow.models;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Camunda Forms of {@code forms/}: each file's id, platform and keys; and, for each user task or
 * start event that uses a form, its fields against the variables SPEC §3 names for that step.
 */
final class Forms {

  /** A form referenced by a user task ({@code step} = its id) or a start event ({@code step} = start). */
  private record Use(String formId, String processKey, String step, String bpmnFile, String element) {}

  private final ModelCheck check;
  private final Map<String, FormFile> byId = new LinkedHashMap<>();
  private final List<Use> uses = new ArrayList<>();

  Forms(ModelCheck check) {
    this.check = check;
  }

  boolean exists(String formId) {
    return byId.containsKey(formId);
  }

  Set<String> ids() {
    return byId.keySet();
  }

  void use(String formId, String processKey, String step, String bpmnFile, String element) {
    uses.add(new Use(formId, processKey, step, bpmnFile, element));
  }

  void read(Path path, String file) {
    FormFile form;
    try {
      form = FormFile.read(path, file);
    } catch (IOException | RuntimeException e) {
      check.add(file, "fichier", "formulaire illisible (JSON invalide) : " + ModelCheck.rootMessage(e),
          "Ouvrez-le dans Camunda Modeler ; s'il ne s'ouvre pas, reprenez sa dernière version du dépôt (git).");
      return;
    }
    if (!form.expectedId().equals(form.id())) {
      check.add(file, "formulaire", "l'id du formulaire est « " + form.id() + " » au lieu de « " + form.expectedId() + " » (le nom du fichier)",
          "Dans Modeler, sélectionnez le fond du formulaire et mettez « " + form.expectedId()
              + " » dans « ID », ou renommez le fichier : les tâches le trouvent par son id.");
    }
    String platform = form.json.path("executionPlatform").asText(null);
    String version = form.json.path("executionPlatformVersion").asText(null);
    if (!ModelCheck.PLATFORM.equals(platform) || !ModelCheck.PLATFORM_VERSION.equals(version)) {
      check.add(file, "formulaire", "la plateforme d'exécution est « " + platform + " " + version + " » au lieu de « "
              + ModelCheck.PLATFORM + " " + ModelCheck.PLATFORM_VERSION + " »",
          "Dans Modeler, cliquez sur la plateforme affichée en bas à gauche et choisissez Camunda 7 / " + ModelCheck.PLATFORM_VERSION + ".");
    }
    for (String key : form.duplicateKeys) {
      check.add(file, "clé « " + key + " »", "plusieurs champs soumettent la même variable",
          "Gardez un seul champ avec la clé « " + key + " ».");
    }
    for (String nested : form.nestedPaths) {
      check.add(file, "groupe de chemin « " + nested + " »", "les champs de ce groupe soumettent un objet « " + nested
              + " » au lieu de variables du processus",
          "Dans Modeler, videz le champ « Path » du groupe : chaque champ doit soumettre une variable de la SPEC.");
    }
    byId.put(form.expectedId(), form);
  }

  /** The fields of each used form against the SPEC variables of its step; forms nobody uses. */
  void checkUses(boolean reportUnused) {
    Set<String> used = new HashSet<>();
    for (Use use : uses) {
      used.add(use.formId());
      FormFile form = byId.get(use.formId());
      if (form == null || !check.spec().knowsProcess(use.processKey())) {
        continue;
      }
      String what = use.step().equals(SpecVariables.START) ? "le démarrage" : "la tâche " + use.step();
      if (!check.spec().hasStep(use.processKey(), use.step())) {
        check.add(use.bpmnFile(), use.element(), "la table de la SPEC ne nomme aucune variable pour " + what,
            "Si la tâche est nouvelle, ajoutez ses variables à " + ModelCheck.SPEC_TABLE + " (d'après la SPEC §3) ; "
                + "sinon rendez à la tâche son id de la SPEC.");
        continue;
      }
      Map<String, SpecVariables.Variable> expected = check.spec().variables(use.processKey(), use.step());
      String expectedList = String.join(", ", expected.keySet());
      for (FormFile.Field field : form.fields) {
        SpecVariables.Variable variable = expected.get(field.key());
        if (variable == null) {
          String elsewhere = check.spec().allVariables(use.processKey()).containsKey(field.key())
              ? " C'est une information d'une autre étape : montrez-la en lecture seule avec un composant « Text view » ({{"
                  + field.key() + "}}) au lieu d'un champ."
              : "";
          check.add(form.relativePath, field.describe(), "la variable « " + field.key() + " » ne fait pas partie de ce que la SPEC prévoit pour "
                  + what + " du processus " + use.processKey(),
              "Corrigez la clé du champ (variables attendues : " + expectedList + ") ou supprimez le champ." + elsewhere);
          continue;
        }
        checkFieldType(form, field, variable);
      }
      Set<String> keys = form.fields.stream().map(FormFile.Field::key).collect(Collectors.toSet());
      for (SpecVariables.Variable variable : expected.values()) {
        if (!keys.contains(variable.name())) {
          check.add(form.relativePath, "formulaire", "aucun champ ne saisit la variable « " + variable.name() + " » ("
                  + variable.type() + ") que la SPEC prévoit pour " + what,
              "Ajoutez un champ de clé « " + variable.name() + " » : " + expectedComponent(variable) + ".");
        }
      }
    }
    for (FormFile form : byId.values()) {
      if (reportUnused && !used.contains(form.expectedId())) {
        check.add(form.relativePath, "formulaire", "aucune tâche ni aucun événement de début n'utilise ce formulaire",
            "Référencez-le dans « Form reference » d'une tâche (id « " + form.expectedId() + " ») ou supprimez le fichier.");
      }
    }
  }

  private void checkFieldType(FormFile form, FormFile.Field field, SpecVariables.Variable variable) {
    String type = field.type();
    boolean dateField = "datetime".equals(type) && "date".equals(field.subtype());
    boolean ok = switch (variable.type()) {
      case Integer -> "number".equals(type) && (field.decimalDigits() == null || field.decimalDigits() == 0);
      case Double -> "number".equals(type);
      case Boolean -> "checkbox".equals(type);
      case String -> Set.of("textfield", "textarea", "select", "radio").contains(type);
      case Choice -> Set.of("select", "radio").contains(type);
      case Choices -> Set.of("checklist", "taglist", "textfield").contains(type);
      case Date -> dateField || ("textfield".equals(type) && field.hasPattern());
    };
    if (!ok) {
      check.add(form.relativePath, field.describe(), "la SPEC attend pour « " + variable.name() + " » un " + variable.type()
              + " : ce type de champ ne le saisit pas",
          "Remplacez-le par " + expectedComponent(variable) + ".");
      return;
    }
    if ((variable.type() == SpecVariables.Type.Choice || variable.type() == SpecVariables.Type.Choices)
        && field.staticValues() != null && !variable.values().isEmpty()) {
      List<String> unknown = field.staticValues().stream().filter(v -> !variable.values().contains(v)).toList();
      if (!unknown.isEmpty()) {
        check.add(form.relativePath, field.describe(), "valeurs que la SPEC ne prévoit pas : " + String.join(", ", unknown),
            "Les valeurs (« Value », pas le libellé) doivent être parmi : " + String.join(", ", variable.values()) + ".");
      }
    }
  }

  private static String expectedComponent(SpecVariables.Variable variable) {
    return switch (variable.type()) {
      case Integer -> "un champ « Number » sans décimales";
      case Double -> "un champ « Number »";
      case Boolean -> "une case à cocher (« Checkbox »)";
      case String -> "un champ « Text field » ou « Text area »";
      case Choice -> "un « Select » ou un « Radio group » avec les valeurs " + String.join(", ", variable.values());
      case Choices -> "une « Checklist » avec les valeurs " + String.join(", ", variable.values());
      case Date -> "un champ « Date time » de sous-type « Date » (il soumet AAAA-MM-JJ)";
    };
  }
}
