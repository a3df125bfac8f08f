package org.pedaflow.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables that SPEC §3 names, per process and step, read from a Markdown file
 * ({@code src/test/resources/models/spec-variables.md}): a heading {@code ## <process key>} followed
 * by a table {@code | step | variable | type | values |}.
 */
public final class SpecVariables {

  /** The step of the none start event's form. */
  public static final String START = "start";
  /** Variables the process sets itself when it starts (a computed total, the initiator). */
  public static final String PROCESS = "process";

  public enum Type { String, Integer, Double, Boolean, Date, Choice, Choices }

  public record Variable(String name, Type type, List<String> values) {}

  private final Map<String, Map<String, Map<String, Variable>>> byProcess = new LinkedHashMap<>();

  public static SpecVariables read(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SpecVariables parse(List<String> lines, String source) {
    SpecVariables spec = new SpecVariables();
    String process = null;
    int lineNumber = 0;
    for (String line : lines) {
      lineNumber++;
      String trimmed = line.trim();
      if (trimmed.startsWith("## ")) {
        process = trimmed.substring(3).trim();
        continue;
      }
      if (!trimmed.startsWith("|") || process == null) {
        continue;
      }
      String[] cells = Arrays.stream(trimmed.substring(1).split("\\|", -1)).map(c -> c.replace("`", "").trim()).toArray(String[]::new);
      if (cells.length < 3 || cells[0].startsWith("---") || cells[0].equals("étape") || cells[0].isEmpty()) {
        continue;
      }
      Type type;
      try {
        type = Type.valueOf(cells[2]);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(source + ":" + lineNumber + " : type inconnu « " + cells[2] + " » (attendu : "
            + Arrays.toString(Type.values()) + ")");
      }
      List<String> values = cells.length > 3 && !cells[3].isEmpty()
          ? Arrays.stream(cells[3].split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList()
          : List.of();
      spec.byProcess.computeIfAbsent(process, p -> new LinkedHashMap<>())
          .computeIfAbsent(cells[0], s -> new LinkedHashMap<>())
          .put(cells[1], new Variable(cells[1], type, values));
    }
    return spec;
  }

  public boolean knowsProcess(String processKey) {
    return byProcess.containsKey(processKey);
  }

  /** The steps of a process named in the table (start, process and task keys). */
  public Set<String> steps(String processKey) {
    return byProcess.getOrDefault(processKey, Map.of()).keySet();
  }

  public boolean hasStep(String processKey, String step) {
    return byProcess.getOrDefault(processKey, Map.of()).containsKey(step);
  }

  /** The variables of one step, by name, in the order of the table (empty if the step is unknown). */
  public Map<String, Variable> variables(String processKey, String step) {
    return byProcess.getOrDefault(processKey, Map.of()).getOrDefault(step, Map.of());
  }

  /** Every variable of a process, whatever the step (first occurrence wins). */
  public Map<String, Variable> allVariables(String processKey) {
    Map<String, Variable> all = new LinkedHashMap<>();
    byProcess.getOrDefault(processKey, Map.of()).values().forEach(step -> step.forEach(all::putIfAbsent));
    return all;
  }
}
