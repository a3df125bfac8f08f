package org.pedaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pedaflow's French Tasklist ({@code app/tasklist/locales/fr.json}) against the English one of the
 * Camunda webapps on the class path: the same keys (a Camunda upgrade that adds or removes one fails
 * here, not in front of a teacher), every placeholder, HTML tag and entity kept, nothing empty, and
 * Tasklist's {@code config.js} offering French first.
 */
class TasklistTranslationTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/tasklist/locales/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  /** HTML elements (not text in angle brackets such as « <undefined> », which is translated). */
  private static final Pattern TAG = Pattern.compile("</?(?:a|b|br|code|div|em|i|li|ol|p|small|span|strong|u|ul)\\b[^<>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+);");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void frenchHasExactlyTheKeysOfTheCamundaVersionOnTheClassPath() throws IOException {
    List<String> english = paths(read("en.json"), "");
    List<String> french = paths(read("fr.json"), "");

    assertThat(english).as("the English labels of Camunda's webjar").hasSizeGreaterThan(400);
    assertThat(french).containsExactlyInAnyOrderElementsOf(english);
  }

  @Test
  void everyLabelKeepsItsPlaceholdersTagsAndEntities() throws IOException {
    JsonNode english = read("en.json").get("labels");
    JsonNode french = read("fr.json").get("labels");
    List<String> faults = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> labels = english.fields(); labels.hasNext(); ) {
      Map.Entry<String, JsonNode> label = labels.next();
      String en = label.getValue().asText();
      String fr = french.path(label.getKey()).asText("");
      if (fr.isBlank() && !en.isBlank()) {
        faults.add(label.getKey() + " : vide");
      }
      for (Pattern token : List.of(PLACEHOLDER, TAG, ENTITY)) {
        if (!sorted(token, en).equals(sorted(token, fr))) {
          faults.add(label.getKey() + " : " + sorted(token, en) + " attendu, " + sorted(token, fr) + " trouvé");
        }
      }
    }
    assertThat(faults).isEmpty();
  }

  @Test
  void frenchWordsAPersonSees() throws IOException {
    JsonNode labels = read("fr.json").get("labels");

    assertThat(labels.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Se connecter");
    assertThat(labels.get("START_PROCESS").asText()).isEqualTo("Démarrer un processus");
    assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("Prendre en charge");
    assertThat(labels.get("BUSINESS_KEY").asText()).isEqualTo("Référence");
    assertThat(read("fr.json").get("dateLocales").get("months").get(0).asText()).isEqualTo("janvier");
  }

  @Test
  void tasklistOffersFrenchFirst() throws IOException {
    String config = text("META-INF/resources/webjars/camunda/app/tasklist/scripts/config.js");

    assertThat(config).containsPattern("availableLocales:\\s*\\['fr',\\s*'en'\\]").containsPattern("fallbackLocale:\\s*'fr'");
  }

  private JsonNode read(String file) throws IOException {
    return json.readTree(text(LOCALES + file).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    // the class path holds Pedaflow's resources before Camunda's webjar: config.js is Pedaflow's
    try (InputStream in = TasklistTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> paths(JsonNode node, String prefix) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> paths.addAll(paths(field.getValue(), prefix + "/" + field.getKey())));
    } else {
      paths.add(prefix);
    }
    return paths;
  }

  private static List<String> sorted(Pattern token, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = token.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    found.sort(null);
    return found;
  }
}
