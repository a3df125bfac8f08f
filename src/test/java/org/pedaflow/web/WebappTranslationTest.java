package org.pedaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

  private static final List<String> WEBAPPS = List.of("tasklist", "cockpit", "admin", "welcome");

  private final ObjectMapper json = new ObjectMapper();

  static List<String> webapps() {
    return WEBAPPS;
  }

  @ParameterizedTest
  @MethodSource("webapps")
  void frenchHasExactlyTheKeysOfTheCamundaVersionOnTheClassPath(String webapp) throws IOException {
    Set<String> english = leaves(read(webapp, "en.json")).keySet();
    Set<String> french = leaves(read(webapp, "fr.json")).keySet();

    assertThat(english).as("the English labels of Camunda's webjar").hasSizeGreaterThan(100);
    assertThat(french).containsExactlyInAnyOrderElementsOf(english);
  }

  @ParameterizedTest
  @MethodSource("webapps")
  void everyTextKeepsItsPlaceholdersTagsAndEntities(String webapp) throws IOException {
    Map<String, String> english = texts(read(webapp, "en.json"));
    Map<String, String> french = texts(read(webapp, "fr.json"));
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

    assertThat(labels.get("START_PROCESS").asText()).isEqualTo("Démarrer un processus\u00a0");
    assertThat(labels.get("CLAIM_TASK").asText()).isEqualTo("Prendre en charge");
    assertThat(labels.get("BUSINESS_KEY").asText()).isEqualTo("Référence");
    assertThat(read("tasklist", "fr.json").get("dateLocales").get("months").get(0).asText()).isEqualTo("janvier");
    for (String webapp : WEBAPPS) {
      assertThat(read(webapp, "fr.json").get("labels").get("PAGE_LOGIN_SIGN_IN_ACTION").asText()).as(webapp).isEqualTo("Se connecter");
    }
  }

  @ParameterizedTest
  @MethodSource("webapps")
  void theWebappOffersFrenchFirst(String webapp) throws IOException {
    String config = text(APPS + webapp + "/scripts/config.js")
        .replaceAll("(?m)^\\s*//.*$", "");

    assertThat(config).containsPattern("availableLocales:\\s*\\['fr',\\s*'en'\\]").containsPattern("fallbackLocale:\\s*'fr'");
    if (webapp.equals("tasklist")) {
      // and Camunda Forms' own checks in French (HybridCourseLabellingBrowserTest reads them on the page)
      assertThat(config).contains("customScripts: ['scripts/pedaflow-form-messages'],");
      assertThat(text(APPS + webapp + "/scripts/pedaflow-form-messages.js")).contains("export function translate");
    }
  }

  /**
   * Pedaflow's {@code config.js} replaces Camunda's whole file: after a Camunda upgrade that changes
   * it, this fails until the new file is copied again with the locales (and Tasklist's shortcut
   * descriptions and its script of French form messages) set.
   */
  @ParameterizedTest
  @MethodSource("webapps")
  void configIsCamundasOwnWithOnlyTheLocalesChanged(String webapp) throws IOException {
    String resource = APPS + webapp + "/scripts/config.js";
    URL camundas = Collections.list(getClass().getClassLoader().getResources(resource)).stream()
        .filter(url -> url.toString().contains("camunda-webapp-webjar"))
        .findFirst().orElseThrow(() -> new AssertionError("Camunda's " + resource + " is not on the class path"));

    assertThat(withoutLocales(text(resource))).isEqualTo(withoutLocales(text(camundas.openStream())))
        .contains("export default");
  }

  /**
   * The file without line comments, the locales setting and empty lines, with the shortcut
   * descriptions blanked.
   */
  private static String withoutLocales(String config) {
    return config.replaceAll("(?m)^\\s*//.*$", "")
        .replaceAll("(?s)\\blocales: \\{[^}]*},", "")
        .replace("customScripts: ['scripts/pedaflow-form-messages'],", "")
        .replaceAll("description: '[^']*'", "description: ''")
        .replaceAll("(?m)^\\s*\\R", "");
  }

  private JsonNode read(String webapp, String file) throws IOException {
    return json.readTree(text(APPS + webapp + "/locales/" + file).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    // the class path holds Pedaflow's resources before Camunda's webjar: config.js is Pedaflow's
    InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(resource);
    assertThat(in).as(resource).isNotNull();
    return text(in);
  }

  private static String text(InputStream stream) throws IOException {
    try (InputStream in = stream) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Every text of the file (labels, and the date texts of {@code dateLocales}) by its path. */
  private static Map<String, String> texts(JsonNode file) {
    Map<String, String> texts = new LinkedHashMap<>();
    leaves(file).forEach((path, leaf) -> {
      if (leaf.isTextual()) {
        texts.put(path, leaf.asText());
      }
    });
    return texts;
  }

  /** Every value of the file that is neither an object nor an array, by its path. */
  private static Map<String, JsonNode> leaves(JsonNode file) {
    return leaves(file, "", new LinkedHashMap<>());
  }

  private static Map<String, JsonNode> leaves(JsonNode node, String prefix, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> leaves(field.getValue(), prefix + "/" + field.getKey(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), prefix + "[" + i + "]", leaves);
      }
    } else {
      leaves.put(prefix, node);
    }
    return leaves;
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
