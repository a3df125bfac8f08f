package org.pedaflow.rules;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one way to read and validate the variables of a start or a task completion. Each
 * {@code require*} method refuses bad input with an {@link InvalidInputException} whose French
 * message names the field, and stores the value back with the type the SPEC gives it (a Long or a
 * Double sent by Tasklist becomes an Integer, a date an ISO string, ...).
 */
public final class Inputs {

  /** Longest text a Camunda string variable holds. */
  public static final int MAX_TEXT_LENGTH = 4000;

  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

  private final VariableScope scope;
  private final DelegateTask task;
  private final String processInstanceId;
  private final String currentUserId;

  public Inputs(VariableScope scope, DelegateTask task, String processInstanceId, String currentUserId) {
    this.scope = scope;
    this.task = task;
    this.processInstanceId = processInstanceId;
    this.currentUserId = currentUserId;
  }

  public Object get(String name) {
    return scope.getVariable(name);
  }

  /**
   * Stores the normalised value, only when it differs from what was sent (same value and same type
   * is left alone: with {@code full} history every write is also a history detail).
   */
  public void set(String name, Object value) {
    Object current = scope.getVariable(name);
    if (current != null && value != null && current.getClass() == value.getClass() && current.equals(value)) {
      return;
    }
    scope.setVariable(name, value);
  }

  public boolean isPresent(String name) {
    Object value = get(name);
    return value != null && !(value instanceof CharSequence text && text.toString().isBlank());
  }

  /** The authenticated user doing the start or the completion, or null (engine-internal calls). */
  public String currentUserId() {
    return currentUserId;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  /** The task being completed; null for a start. */
  public DelegateTask task() {
    return task;
  }

  public InvalidInputException invalid(String name, String label, String reason) {
    return new InvalidInputException(name, "« " + label + " » (" + name + ") : " + reason + ".");
  }

  public String requireText(String name, String label) {
    String text = optionalText(name, label);
    if (text == null || text.isBlank()) {
      throw invalid(name, label, "ce champ est obligatoire");
    }
    return text;
  }

  /** A required text that must also fit {@code maxLength} characters (a column of the project's own tables). */
  public String requireText(String name, String label, int maxLength) {
    requireText(name, label);
    return optionalText(name, label, maxLength);
  }

  /** An optional text that must fit {@code maxLength} characters when present. */
  public String optionalText(String name, String label, int maxLength) {
    String text = optionalText(name, label);
    if (text != null && text.length() > maxLength) {
      throw invalid(name, label, "le texte ne doit pas dépasser " + maxLength + " caractères");
    }
    return text;
  }

  public String optionalText(String name, String label) {
    Object value = get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof CharSequence)) {
      throw invalid(name, label, "un texte est attendu");
    }
    String text = value.toString().strip();
    if (text.length() > MAX_TEXT_LENGTH) {
      throw invalid(name, label, "le texte ne doit pas dépasser " + MAX_TEXT_LENGTH + " caractères");
    }
    set(name, text);
    return text;
  }

  public Integer requireInteger(String name, String label, int min, int max) {
    Object value = requirePresent(name, label);
    BigDecimal number = toNumber(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      throw invalid(name, label, "un nombre entier est attendu");
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw invalid(name, label, "la valeur doit être comprise entre " + min + " et " + max);
    }
    Integer result = number.intValueExact();
    set(name, result);
    return result;
  }

  public BigDecimal requirePositiveAmount(String name, String label) {
    Object value = requirePresent(name, label);
    BigDecimal number = toNumber(value);
    if (number == null) {
      throw invalid(name, label, "un montant est attendu");
    }
    if (number.signum() <= 0) {
      throw invalid(name, label, "le montant doit être strictement positif");
    }
    if (number.compareTo(new BigDecimal("1000000000")) >= 0) {
      throw invalid(name, label, "le montant est trop élevé");
    }
    set(name, number.doubleValue());
    return number;
  }

  public Boolean requireBoolean(String name, String label) {
    Object value = requirePresent(name, label);
    Boolean result;
    if (value instanceof Boolean b) {
      result = b;
    } else if (value instanceof CharSequence text && ("true".equalsIgnoreCase(text.toString().strip())
        || "false".equalsIgnoreCase(text.toString().strip()))) {
      result = Boolean.valueOf(text.toString().strip());
    } else {
      throw invalid(name, label, "oui ou non (true/false) est attendu");
    }
    set(name, result);
    return result;
  }

  public String requireChoice(String name, String label, String... allowed) {
    Object value = requirePresent(name, label);
    String text = value instanceof CharSequence ? value.toString().strip() : null;
    if (text == null || !Arrays.asList(allowed).contains(text)) {
      throw invalid(name, label, "valeur attendue parmi " + String.join(", ", allowed));
    }
    set(name, text);
    return text;
  }

  /**
   * A comma-separated subset of {@code allowed} (possibly empty). A list, as a Tasklist checklist
   * sends it, is accepted and stored as the comma-separated string.
   */
  public String requireChoices(String name, String label, String... allowed) {
    Object value = get(name);
    if (value == null) {
      throw invalid(name, label, "ce champ est obligatoire (valeurs parmi " + String.join(", ", allowed) + ")");
    }
    Collection<?> items;
    if (value instanceof Collection<?> collection) {
      items = collection;
    } else if (value instanceof Object[] array) {
      items = Arrays.asList(array);
    } else if (value instanceof CharSequence text) {
      String raw = text.toString().strip();
      if (raw.startsWith("[") && raw.endsWith("]")) {
        raw = raw.substring(1, raw.length() - 1).replace("\"", "");
      }
      items = raw.isEmpty() ? List.of() : Arrays.asList(raw.split(","));
    } else {
      throw invalid(name, label, "une liste de valeurs séparées par des virgules est attendue");
    }
    Set<String> chosen = new LinkedHashSet<>();
    List<String> accepted = Arrays.asList(allowed);
    for (Object item : items) {
      String choice = String.valueOf(item).strip();
      if (!accepted.contains(choice)) {
        throw invalid(name, label, "« " + choice + " » n'est pas permis ; valeurs attendues parmi " + String.join(", ", allowed));
      }
      chosen.add(choice);
    }
    String result = String.join(",", chosen);
    set(name, result);
    return result;
  }

  public String requireEmail(String name, String label) {
    String text = requireText(name, label);
    if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
      throw invalid(name, label, "l'adresse électronique n'est pas valide");
    }
    // kept as written (trimmed): the part before @ may be case-sensitive (RFC 5321), and the client
    // reads back what it sent
    return text;
  }

  public LocalDate requireIsoDate(String name, String label) {
    Object value = requirePresent(name, label);
    LocalDate date;
    if (value instanceof Date d) {
      date = d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    } else if (value instanceof CharSequence text) {
      String raw = text.toString().strip();
      try {
        // Tasklist's date picker may send a full timestamp: the date part is what matters.
        date = LocalDate.parse(raw.length() > 10 && raw.charAt(10) == 'T' ? raw.substring(0, 10) : raw);
      } catch (DateTimeParseException e) {
        throw invalid(name, label, "une date au format AAAA-MM-JJ est attendue");
      }
    } else {
      throw invalid(name, label, "une date au format AAAA-MM-JJ est attendue");
    }
    set(name, date.toString());
    return date;
  }

  public String requireHttpUrl(String name, String label) {
    String text = requireText(name, label);
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw invalid(name, label, "une adresse web commençant par http:// ou https:// est attendue");
      }
    } catch (URISyntaxException e) {
      throw invalid(name, label, "une adresse web commençant par http:// ou https:// est attendue");
    }
    return text;
  }

  private Object requirePresent(String name, String label) {
    Object value = get(name);
    if (value == null || (value instanceof CharSequence text && text.toString().isBlank())) {
      throw invalid(name, label, "ce champ est obligatoire");
    }
    return value;
  }

  private static BigDecimal toNumber(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    if (value instanceof CharSequence text) {
      try {
        return new BigDecimal(text.toString().strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Names of the variables present, for messages about unexpected input. */
  public List<String> names() {
    return new ArrayList<>(scope.getVariableNames());
  }
}
