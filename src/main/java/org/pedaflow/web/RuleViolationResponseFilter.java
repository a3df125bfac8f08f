package org.pedaflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pedaflow.rules.RuleViolationException;
import org.pedaflow.rules.RuleViolations;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST layer answers 500 when a start or a completion is refused by a rule inside the
 * engine. This filter, around {@code /engine-rest} and the webapps' API (what Tasklist calls),
 * replaces such an answer with the rule's own: 400 (or 403) and
 * {@code {"type": "InvalidInput", "message": "<French message>", "field": "<variable>"}}.
 */
public class RuleViolationResponseFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RuleViolations.clear();
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffered);
      RuleViolationException violation = RuleViolations.take();
      if (violation != null && buffered.getStatus() >= 400) {
        buffered.resetBuffer();
        writeViolation(response, violation);
      } else {
        buffered.copyBodyToResponse();
      }
    } finally {
      RuleViolations.clear();
    }
  }

  static void writeViolation(HttpServletResponse response, RuleViolationException violation) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", violation.type());
    body.put("message", violation.getMessage());
    if (violation.field() != null) {
      body.put("field", violation.field());
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(violation.httpStatus());
    response.setContentType("application/json;charset=UTF-8");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
