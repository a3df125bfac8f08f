package org.pedaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pedaflow's French webapps ({@code app/<webapp>/locales/fr.json}) against the English files of the
 * Camunda webapps on the class path: the same keys (a Camunda upgrade that adds or removes one fails
 * here, not in front of a teacher), every placeholder, HTML tag, entity and {@code %d} kept, nothing
 * empty, and each webapp's {@code config.js} offering French first.
 */
class WebappTranslationTest {

  private static final String APPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  /** HTML elements (not text in angle brackets such as « <undefined> », which is translated). */
  private static final Pattern TAG = Pattern.compile("</?(?:a|b|br|code|div|em|i|li|ol|p|small|span|strong|u|ul)\\b[^<>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+);");
  /** moment.js's « %d » and « %s » in the relative times of {@code dateLocales}. */
  private static final Pattern MOMENT = Pattern.compile("%[ds]");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void frenchHasExactlyTheKeysOfTheCamundaVersionOnTheClassPath(String webapp) throws IOException {
    List<String> english = paths(read(webapp, "en.json"), "");
    List<String> french = paths(read(webapp, "fr.json"), "");

    assertThat(english).as("the English labels of Camunda's webjar").hasSizeGreaterThan(100);
    assertThat(french).containsExactlyInAnyOrderElementsOf(english);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyTextKeepsItsPlaceholdersTagsAndEntities(String webapp) throws IOException {
    Map<String, String> english = texts(read(webapp, "en.json"), "", new LinkedHashMap<>());
    Map<String, String> french = texts(read(webapp, "fr.json"), "", new LinkedHashMap<>());
    List<String> faults = new ArrayList<>();
    english.forEach((path, en) -> {
      String fr = french.getOrDefault(path, "");
      if (fr.isBlank() && !en.isBlank()) {
        faults.add(path + " : vide");
      }
      for (Pattern token : List.of(PLACEHOLDER, TAG, ENTITY, MOMENT)) {
        if (!sorted(token, en).equals(sorted(token, fr))) {
          faults.add(path + " : " + sorted(token, en) + " attendu, " + sorted(token, fr) + " trouvé");
        }
      }
    });
    assertThat(english).as("labels and date texts").hasSizeGreaterThan(100);
    assertThat(faults).isEmpty();
  }

  @Test
  void frenchWordsAPersonSees() throws IOException {
    JsonNode labels = read("tasklist", "fr.json").get("labels");

    assertThat(labels.get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("Se connecter");
    assertThat(labels.get("START_PROCESS").asText()).isEqualTo("Démarrer un processus");
    assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("Prendre en charge");
    assertThat(labels.get("BUSINESS_KEY").asText()).isEqualTo("Référence");
    assertThat(read("tasklist", "fr.json").get("dateLocales").get("months").get(0).asText()).isEqualTo("janvier");
    for (String webapp : List.of("tasklist", "cockpit", "admin", "welcome")) {
      assertThat(read(webapp, "fr.json").get("labels").get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).as(webapp).isEqualTo("Se connecter");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theWebappOffersFrenchFirst(String webapp) throws IOException {
    String config = text(APPS + webapp + "/scripts/config.js")
        .replaceAll("(?m)^\\s*//.*$", "");

    assertThat(config).containsPattern("availableLocales:\\s*\\['fr',\\s*'en'\\]").containsPattern("fallbackLocale:\\s*'fr'");
  }

  private JsonNode read(String webapp, String file) throws IOException {
    return json.readTree(text(APPS + webapp + "/locales/" + file).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    // the class path holds Pedaflow's resources before Camunda's webjar: config.js is Pedaflow's
    try (InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Every text of the file (labels, and the date texts of {@code dateLocales}) by its path. */
  private static Map<String, String> texts(JsonNode node, String prefix, Map<String, String> texts) {
    if (node.isContainerNode()) {
      if (node.isObject()) {
        node.fields().forEachRemaining(field -> texts(field.getValue(), prefix + "/" + field.getKey(), texts));
      } else {
        for (int i = 0; i < node.size(); i++) {
          texts(node.get(i), prefix + "[" + i + "]", texts);
        }
      }
    } else if (node.isTextual()) {
      texts.put(prefix, node.asText());
    }
    return texts;
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
