package org.pedaflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pedaflow.rules.RuleViolationException;
import org.pedaflow.rules.RuleViolations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's REST layer answers 500 when a start or a completion is refused by a rule inside the
 * engine, and in English, with exception details, when it cannot read a request. This filter,
 * around {@code /engine-rest} and the webapps' API (what Tasklist calls), rewrites such answers:
 * <ul>
 *   <li>a rule refused the request: the rule's own answer, 400 (or 403) and
 *       {@code {"type": "InvalidInput", "message": "<French message>", "field": "<variable>"}};</li>
 *   <li>any other 400 of a start or a completion (JSON Camunda could not map, a value it could not
 *       convert): 400 with a French message, without Camunda's details;</li>
 *   <li>a 500 of the engine's API that is two people acting on the same thing (a task a colleague
 *       claimed first, a concurrent change; {@link EngineErrorAnswers#CONFLICTS}): 409, same
 *       {@code type}, a French message saying what happened, and an INFO line instead of a WARN;</li>
 *   <li>a 400 or 500 of the engine's API on a task that no longer exists (finished a moment before
 *       by the person or a colleague: a double click, a list not yet refreshed) or that an
 *       administrator suspended, on a job that no longer exists (Cockpit's « Retry » after a
 *       colleague's), or on the start of a process an administrator suspended ({@link EngineStates}):
 *       404 or 409, with a French message saying so, and an INFO line;</li>
 *   <li>a 500 of the engine's API that is a person's typing error (a password against the policy,
 *       an id with a space or an accent): 400 with what to type instead;</li>
 *   <li>any other 400 of the engine's API (Cockpit's variables, Admin's accounts, a malformed
 *       date): 400, same {@code type}, a French message translating Camunda's reason when it is a
 *       common one ({@link EngineErrorAnswers#invalidRequest}), never its Java types;</li>
 *   <li>403 and 404 of the engine's API (not allowed; not found or not visible to this user): same
 *       status and {@code type}, a French message instead of Camunda's English one;</li>
 *   <li>any 5xx (a real fault): still 5xx, with a French message and no internals (no stack trace,
 *       Java class name or SQL); the details go to the log.</li>
 * </ul>
 */
public class RuleViolationResponseFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RuleViolationResponseFilter.class);

  private final EngineStates states;

  /** @param states where a task, a job or a process stands, read when a request on it failed */
  public RuleViolationResponseFilter(EngineStates states) {
    this.states = states;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RuleViolations.startRequest();
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    try {
      try {
        chain.doFilter(request, buffered);
      } catch (IOException | ServletException | RuntimeException e) {
        VariablesCheckFilter.Refusal refusal = EngineErrorAnswers.refusalOf(request);
        if (refusal == null || response.isCommitted()) {
          throw e;
        }
        buffered.resetBuffer();
        EngineErrorAnswers.writeRefusal(response, refusal);
        return;
      }
      RuleViolationException violation = RuleViolations.take();
      VariablesCheckFilter.Refusal refusal = EngineErrorAnswers.refusalOf(request);
      int status = buffered.getStatus();
      if (response.isCommitted()) {
        // already sent (an error page through sendError): nothing can be rewritten
        buffered.copyBodyToResponse();
      } else if (violation != null && status >= 400) {
        buffered.resetBuffer();
        writeViolation(response, violation);
      } else if (refusal != null && status >= 400) {
        buffered.resetBuffer();
        EngineErrorAnswers.writeRefusal(response, refusal);
      } else if (status < 400) {
        buffered.copyBodyToResponse();
      } else if (status == 500 && isConflict(request, buffered)) {
        String type = EngineErrorAnswers.typeOf(buffered.getContentAsByteArray());
        LOG.info("Conflit sur {} {} ({}) : {}", request.getMethod(), request.getRequestURI(), type, bodyOf(buffered));
        buffered.resetBuffer();
        EngineErrorAnswers.write(response, 409, type, EngineErrorAnswers.CONFLICTS.get(type), null);
      } else if (status == 500 && EngineErrorAnswers.isEngineApi(request)
          && EngineErrorAnswers.userErrorAnswered500(EngineErrorAnswers.messageOf(buffered.getContentAsByteArray())) != null) {
        String message = EngineErrorAnswers.userErrorAnswered500(EngineErrorAnswers.messageOf(buffered.getContentAsByteArray()));
        LOG.info("Requête refusée par Camunda sur {} {} : {}", request.getMethod(), request.getRequestURI(), bodyOf(buffered));
        buffered.resetBuffer();
        EngineErrorAnswers.write(response, 400, EngineErrorAnswers.INVALID_INPUT, message, null);
      } else if ((status == 400 || status == 500) && answeredForSomethingGoneOrSuspended(request, response, buffered, status)) {
        return;
      } else if (status >= 500) {
        LOG.warn("Erreur {} sur {} {} : {}", status, request.getMethod(), request.getRequestURI(), bodyOf(buffered));
        buffered.resetBuffer();
        EngineErrorAnswers.write(response, status, EngineErrorAnswers.SERVER_ERROR,
            EngineErrorAnswers.SERVER_ERROR_MESSAGE, null);
      } else if ((status == 403 || status == 404) && EngineErrorAnswers.isEngineApi(request)
          && EngineErrorAnswers.typeOf(buffered.getContentAsByteArray()) != null) {
        String type = EngineErrorAnswers.typeOf(buffered.getContentAsByteArray());
        buffered.resetBuffer();
        EngineErrorAnswers.write(response, status, type,
            status == 403 ? EngineErrorAnswers.FORBIDDEN_MESSAGE : EngineErrorAnswers.NOT_FOUND_MESSAGE, null);
      } else if (status == 400 && InputEndpoints.matches(request)) {
        LOG.info("Requête refusée par Camunda sur {} : {}", request.getRequestURI(), bodyOf(buffered));
        buffered.resetBuffer();
        EngineErrorAnswers.write(response, 400, EngineErrorAnswers.INVALID_REQUEST,
            EngineErrorAnswers.INVALID_REQUEST_MESSAGE, null);
      } else if (status == 400 && EngineErrorAnswers.isEngineApi(request)) {
        byte[] body = buffered.getContentAsByteArray();
        String type = EngineErrorAnswers.typeOf(body);
        LOG.info("Requête refusée par Camunda sur {} {} : {}", request.getMethod(), request.getRequestURI(), bodyOf(buffered));
        buffered.resetBuffer();
        EngineErrorAnswers.write(response, 400, type == null ? "InvalidRequestException" : type,
            EngineErrorAnswers.invalidRequest(type == null ? null : EngineErrorAnswers.messageOf(body)), null);
      } else {
        buffered.copyBodyToResponse();
      }
    } finally {
      RuleViolations.endRequest();
    }
  }

  static void writeViolation(HttpServletResponse response, RuleViolationException violation) throws IOException {
    EngineErrorAnswers.write(response, violation.httpStatus(), violation.type(), violation.getMessage(), violation.field());
  }

  /** Answers for a task or a job that is gone or suspended, or a suspended process; false otherwise. */
  private boolean answeredForSomethingGoneOrSuspended(HttpServletRequest request, HttpServletResponse response,
      ContentCachingResponseWrapper buffered, int status) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    EngineStates.Addressed addressed = EngineStates.addressedBy(path);
    if (addressed == null || EngineErrorAnswers.typeOf(buffered.getContentAsByteArray()) == null) {
      return false;
    }
    EngineStates.State state;
    try {
      state = states.of(addressed);
    } catch (RuntimeException unreadable) {
      LOG.debug("État de {} illisible", addressed, unreadable);
      return false;
    }
    String message = switch (state) {
      case ACTIVE -> null;
      case GONE -> addressed.kind() == EngineStates.Kind.JOB ? EngineErrorAnswers.JOB_GONE_MESSAGE
          : addressed.kind() == EngineStates.Kind.TASK ? EngineErrorAnswers.TASK_GONE_MESSAGE : null;
      case SUSPENDED -> addressed.kind() == EngineStates.Kind.START ? EngineErrorAnswers.START_SUSPENDED_MESSAGE
          : EngineErrorAnswers.TASK_SUSPENDED_MESSAGE;
    };
    if (message == null) {
      return false;
    }
    String what = switch (addressed.kind()) {
      case TASK -> state == EngineStates.State.GONE ? "Tâche {} introuvable" : "Tâche {} suspendue";
      case JOB -> "Job {} introuvable";
      case START -> "Processus {} suspendu";
    };
    LOG.info(what + " : {} {} ({}) : {}", addressed.id(), request.getMethod(), path, status, bodyOf(buffered));
    buffered.resetBuffer();
    if (state == EngineStates.State.GONE) {
      EngineErrorAnswers.write(response, 404, "InvalidRequestException", message, null);
    } else {
      EngineErrorAnswers.write(response, 409, "SuspendedEntityInteractionException", message, null);
    }
    return true;
  }

  private static boolean isConflict(HttpServletRequest request, ContentCachingResponseWrapper buffered) {
    String type = EngineErrorAnswers.typeOf(buffered.getContentAsByteArray());
    return type != null && EngineErrorAnswers.CONFLICTS.containsKey(type) && EngineErrorAnswers.isEngineApi(request);
  }

  private static String bodyOf(ContentCachingResponseWrapper buffered) {
    byte[] body = buffered.getContentAsByteArray();
    String text = new String(body, 0, Math.min(body.length, 2000), java.nio.charset.StandardCharsets.UTF_8);
    return text.replaceAll("\\p{Cntrl}", " ");
  }
}
