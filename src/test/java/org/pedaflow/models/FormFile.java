package org.pedaflow.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A Camunda Form ({@code forms/<id>.form}) and the fields whose values it submits. */
final class FormFile {

  /** Components that show something but submit nothing, even when they carry a key. */
  private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "button", "spacer", "separator",
      "iframe", "table", "documentPreview", "group", "dynamiclist");

  /** A field that submits a value: its key, component type, and what the type check needs. */
  record Field(String key, String type, String subtype, List<String> staticValues, boolean hasPattern,
      Integer decimalDigits, String label) {

    String describe() {
      return "champ « " + (label == null || label.isBlank() ? key : label) + " » (clé " + key + ", type " + type
          + (subtype == null ? "" : "/" + subtype) + ")";
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  final Path path;
  final String relativePath;
  final JsonNode json;
  final List<Field> fields = new ArrayList<>();
  /** Keys seen more than once (a form must not submit the same variable twice). */
  final List<String> duplicateKeys = new ArrayList<>();
  /** Groups or lists with a {@code path}: their fields submit a nested object, not a process variable. */
  final List<String> nestedPaths = new ArrayList<>();

  private FormFile(Path path, String relativePath, JsonNode json) {
    this.path = path;
    this.relativePath = relativePath;
    this.json = json;
    collect(json.path("components"));
  }

  static FormFile read(Path path, String relativePath) throws IOException {
    return new FormFile(path, relativePath, JSON.readTree(path.toFile()));
  }

  /** The file name without {@code .form}: the id the form must have. */
  String expectedId() {
    String name = path.getFileName().toString();
    return name.substring(0, name.length() - ".form".length());
  }

  String id() {
    return json.path("id").asText(null);
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.hasNonNull("path") && !component.path("path").asText().isBlank()) {
        nestedPaths.add(component.path("path").asText());
      }
      if (component.has("components")) {
        collect(component.path("components"));
      }
      if (!component.hasNonNull("key") || DISPLAY_ONLY.contains(type) || component.path("disabled").asBoolean(false)) {
        continue;  // form-js does not submit disabled fields
      }
      String key = component.path("key").asText();
      if (fields.stream().anyMatch(f -> f.key().equals(key))) {
        duplicateKeys.add(key);
      }
      List<String> values = null;
      if (component.has("values")) {
        values = new ArrayList<>();
        for (JsonNode value : component.path("values")) {
          values.add(value.path("value").asText());
        }
      }
      String subtype = component.hasNonNull("subtype") ? component.path("subtype").asText() : null;
      JsonNode validate = component.path("validate");
      boolean hasPattern = validate.hasNonNull("pattern") && !validate.path("pattern").asText().isBlank();
      Integer decimalDigits = component.hasNonNull("decimalDigits") ? component.path("decimalDigits").asInt() : null;
      fields.add(new Field(key, type, subtype, values, hasPattern, decimalDigits, component.path("label").asText(null)));
    }
  }
}
