package org.pedaflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tasklist set a task's due date and follow-up date. Tasklist sends back the whole task it
 * loaded ({@code PUT /task/{id}}), including {@code camundaFormRef}, which Camunda 7.24 writes in
 * its answers but cannot read back: every task with a Camunda Form (all of Pedaflow's) failed with
 * an English 400 naming Java classes. That read-only field is dropped from the body before Camunda
 * reads it; everything else passes unchanged (a task's form does not change through this call).
 */
public class TaskUpdateFilter extends OncePerRequestFilter {

  static final String FORM_REFERENCE = "camundaFormRef";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"PUT".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    EngineStates.Addressed addressed = EngineStates.addressedBy(path);
    return addressed == null || addressed.kind() != EngineStates.Kind.TASK || !path.endsWith("/task/" + addressed.id());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(VariablesCheckFilter.MAX_BODY_BYTES + 1);
    chain.doFilter(new VariablesCheckFilter.CachedBodyRequest(request, withoutFormReference(body), null), response);
  }

  /** The body without {@code camundaFormRef}; unchanged when it is not a JSON object holding it. */
  static byte[] withoutFormReference(byte[] body) {
    try {
      JsonNode task = JSON.readTree(body);
      if (task instanceof ObjectNode object && object.has(FORM_REFERENCE)) {
        object.remove(FORM_REFERENCE);
        return JSON.writeValueAsBytes(object);
      }
    } catch (IOException notJson) {
      // Camunda answers it (400), as before
    }
    return body;
  }
}
