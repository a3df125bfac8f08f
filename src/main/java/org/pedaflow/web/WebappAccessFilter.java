package org.pedaflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda guards the pages of Cockpit and Admin by application access, but their plugin APIs only
 * by login: a teacher logged in to Tasklist could still call them. This filter answers 403 on
 * {@code /camunda/api/cockpit/**} and {@code /camunda/api/admin/**} (login excepted) to a logged-in
 * user who may not open that application. Anonymous calls go on to Camunda, which answers 401.
 */
public class WebappAccessFilter extends OncePerRequestFilter {

  static final String API = "/camunda/api/";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String application = applicationOf(path);
    HttpSession session = request.getSession(false);
    if (application != null && session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      for (UserAuthentication authentication : authentications.getAuthentications()) {
        if (!authentication.isAuthorizedForApp(application)) {
          byte[] body = ("{\"type\":\"AuthorizationException\",\"message\":\"Vous n'avez pas accès à l'application "
              + ("cockpit".equals(application) ? "Cockpit" : "Admin") + ".\"}").getBytes(StandardCharsets.UTF_8);
          response.setStatus(HttpServletResponse.SC_FORBIDDEN);
          response.setContentType("application/json;charset=UTF-8");
          response.setContentLength(body.length);
          response.getOutputStream().write(body);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  /** "cockpit" or "admin" for their APIs, null for everything else (Tasklist, engine, login). */
  static String applicationOf(String path) {
    if (path.startsWith(API + "cockpit/")) {
      return "cockpit";
    }
    if (path.startsWith(API + "admin/") && !path.startsWith(API + "admin/auth/")) {
      return "admin";
    }
    return null;
  }
}
