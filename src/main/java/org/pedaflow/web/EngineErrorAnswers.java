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
