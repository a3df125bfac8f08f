package org.pedaflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The endpoints through which a person starts a process or completes (or resolves) a task with variables, on the
 * REST API ({@code /engine-rest}, with or without {@code /engine/{name}}) and on the webapps' copy
 * of it that Tasklist calls ({@code /camunda/api/engine/engine/{name}}).
 */
final class InputEndpoints {

  private static final Pattern PATH = Pattern.compile(
      "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/"
          + "(?:process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/(?:start|submit-form)"
          + "|task/[^/]+/(?:complete|submit-form|resolve))/?$");

  private InputEndpoints() {}

  static boolean matches(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && matches(request.getRequestURI().substring(request.getContextPath().length()));
  }

  static boolean matches(String path) {
    return PATH.matcher(path).matches();
  }
}
