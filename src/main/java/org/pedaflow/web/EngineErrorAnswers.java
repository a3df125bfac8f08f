package org.pedaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of the platform's web layer when a request fails, in the shape Camunda's REST API
 * uses and Tasklist shows: {@code {"type": ..., "message": "<French>", "field": ...}}; never a stack
 * trace, a Java class name or SQL.
 */
final class EngineErrorAnswers {

  static final String INVALID_INPUT = "InvalidInput";
  static final String INVALID_REQUEST = "InvalidRequest";
  static final String SERVER_ERROR = "ServerError";

  static final String INVALID_REQUEST_MESSAGE =
      "Requête invalide : les données envoyées ne sont pas acceptées (format ou type d'une variable incorrect).";
  static final String SERVER_ERROR_MESSAGE =
      "Erreur interne du serveur : l'opération n'a pas abouti et rien n'a été enregistré. Réessayez plus tard ; "
          + "si le problème persiste, prévenez l'administrateur de Pedaflow.";

  static final String FORBIDDEN_MESSAGE = "Accès refusé : vous n'avez pas les droits nécessaires pour cette action.";
  static final String NOT_FOUND_MESSAGE =
      "Introuvable : cet élément n'existe pas (ou plus), ou vous n'avez pas le droit de le voir.";

  /**
   * Failures of the engine that are not faults but two people acting on the same thing (Camunda
   * answers them 500): the {@code type} of Camunda's answer, and what the person is told, with 409.
   */
  static final Map<String, String> CONFLICTS = Map.of(
      org.camunda.bpm.engine.TaskAlreadyClaimedException.class.getSimpleName(),
      "Tâche déjà prise en charge : quelqu'un d'autre l'a prise avant vous, et rien n'a changé. "
          + "Actualisez la liste des tâches.",
      org.camunda.bpm.engine.OptimisticLockingException.class.getSimpleName(),
      "Modification simultanée : quelqu'un d'autre a modifié cet élément au même moment, et rien n'a été "
          + "enregistré de votre côté. Actualisez la page, puis réessayez.");

  static final String TASK_GONE_MESSAGE =
      "Tâche introuvable : elle n'existe plus (déjà terminée, par vous ou par quelqu'un d'autre), ou vous n'avez pas "
          + "le droit de la voir ; rien n'a été enregistré. Actualisez la liste des tâches.";
  static final String TASK_SUSPENDED_MESSAGE =
      "Demande suspendue : un administrateur l'a mise en pause, et rien n'a été enregistré. Réessayez quand elle aura "
          + "été reprise, ou adressez-vous à l'administrateur de Pedaflow.";

  /**
   * What Camunda answers 500 although the person typed something wrong (Admin, REST), by the
   * engine's words: answered 400 with what to type instead.
   */
  static final Map<String, String> USER_ERRORS_ANSWERED_500 = Map.of(
      "Password does not match policy",
      "Mot de passe refusé : il doit compter au moins 10 caractères, dont une majuscule, une minuscule, un chiffre et "
          + "un caractère spécial, et ne contenir ni l'identifiant ni le nom de la personne. Rien n'a été modifié.",
      "is not a valid resource identifier",
      "Identifiant refusé : seuls les lettres sans accent et les chiffres sont acceptés, séparés par « . », « _ » ou "
          + "« - » pour un compte et par « - » pour un groupe, sans espace. Rien n'a été créé.");

  /** The French answer to a 500 that is a person's typing error, or null. */
  static String userErrorAnswered500(String camundaMessage) {
    if (camundaMessage == null) {
      return null;
    }
    return USER_ERRORS_ANSWERED_500.entrySet().stream().filter(error -> camundaMessage.contains(error.getKey()))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }

  static final String JOB_GONE_MESSAGE =
      "Introuvable : ce job n'existe plus (déjà relancé par quelqu'un d'autre, ou exécuté) ; rien n'a été modifié. "
          + "Actualisez la page.";
  static final String START_SUSPENDED_MESSAGE =
      "Démarrage impossible : un administrateur a suspendu ce processus, et aucune demande n'a été créée. Réessayez "
          + "quand il aura été réactivé, ou adressez-vous à l'administrateur de Pedaflow.";

  /** Camunda's own words for its most common refusals outside starts and completions, and what a person reads instead. */
  private static final Map<java.util.regex.Pattern, String> TRANSLATIONS = translations();

  private static Map<java.util.regex.Pattern, String> translations() {
    Map<java.util.regex.Pattern, String> translations = new LinkedHashMap<>();
    translations.put(java.util.regex.Pattern.compile("(?s).*Variable value is too long.*"),
        "la valeur est trop longue (4 000 caractères au plus).");
    translations.put(java.util.regex.Pattern.compile("(?s).*Cannot convert value '([^']{0,80})' of type '(\\w+)'.*"),
        "la valeur « $1 » n'est pas du type « $2 ».");
    translations.put(java.util.regex.Pattern.compile("(?s).*Unsupported value type '(\\w+)'.*"),
        "le type de variable « $1 » n'est pas accepté (types acceptés : String, Boolean, Integer, Long, Short, Double, Date, Null).");
    translations.put(java.util.regex.Pattern.compile("The user already exists"), "un compte porte déjà cet identifiant.");
    translations.put(java.util.regex.Pattern.compile("The group already exists"), "un groupe porte déjà cet identifiant.");
    translations.put(java.util.regex.Pattern.compile("The given authenticated user password is not valid\\.?"),
        "votre propre mot de passe, demandé pour confirmer la modification, est incorrect.");
    return translations;
  }

  /**
   * A 400 of the engine's API outside starts and completions, in French: a translation of Camunda's
   * reason when it is a common one; else Camunda's reason quoted when it shows no internals; else
   * none (the log has it).
   */
  static String invalidRequest(String camundaMessage) {
    String reason = "Camunda n'a pas accepté les paramètres ou les données envoyés.";
    if (camundaMessage != null) {
      String translated = null;
      for (Map.Entry<java.util.regex.Pattern, String> translation : TRANSLATIONS.entrySet()) {
        java.util.regex.Matcher matcher = translation.getKey().matcher(camundaMessage);
        if (matcher.matches()) {
          translated = matcher.replaceFirst(translation.getValue());
          break;
        }
      }
      if (translated != null) {
        reason = translated;
      } else if (camundaMessage.length() <= 200 && !SHOWS_INTERNALS.matcher(camundaMessage).find()) {
        reason = reason + " Motif donné par Camunda (en anglais) : « " + camundaMessage.strip() + " ».";
      }
    }
    return "Requête invalide : " + reason + " Rien n'a été modifié.";
  }

  private static final java.util.regex.Pattern SHOWS_INTERNALS = java.util.regex.Pattern.compile(
      "java\\.|org\\.|[Ee]xception|SQL|\\tat |Caused by|`|\\$\\{|Cannot |Unsupported|Unexpected|Unrecognized|select |insert into");

  /** The {@code message} of a Camunda error answer, or null. */
  static String messageOf(byte[] body) {
    return textOf(body, "message");
  }

  private static final java.util.regex.Pattern ENGINE_API =
      java.util.regex.Pattern.compile("^/(engine-rest|camunda/api/engine)/.*");

  private static final String REFUSAL = EngineErrorAnswers.class.getName() + ".refusal";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EngineErrorAnswers() {}

  static void write(HttpServletResponse response, int status, String type, String message, String field)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (field != null) {
      body.put("field", field);
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }

  /** The engine's REST API, directly or through the webapps. */
  static boolean isEngineApi(HttpServletRequest request) {
    return ENGINE_API.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  /** The {@code type} of a Camunda error answer, or null when the body is not one. */
  static String typeOf(byte[] body) {
    return textOf(body, "type");
  }

  private static String textOf(byte[] body, String field) {
    try {
      com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(body);
      return json != null && json.isObject() && json.path(field).isTextual() ? json.get(field).asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** The variables of this request were refused and Camunda tried to read them. */
  static void refused(jakarta.servlet.ServletRequest request, VariablesCheckFilter.Refusal refusal) {
    request.setAttribute(REFUSAL, refusal);
  }

  static VariablesCheckFilter.Refusal refusalOf(HttpServletRequest request) {
    return (VariablesCheckFilter.Refusal) request.getAttribute(REFUSAL);
  }

  static void writeRefusal(HttpServletResponse response, VariablesCheckFilter.Refusal refusal) throws IOException {
    write(response, 400, refusal.field() == null ? INVALID_REQUEST : INVALID_INPUT, refusal.message(), refusal.field());
  }
}
