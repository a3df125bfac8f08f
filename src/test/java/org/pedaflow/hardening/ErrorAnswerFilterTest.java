package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pedaflow.web.RuleViolationResponseFilter;
import org.pedaflow.web.EngineStates;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What Camunda answers when it fails on its own (no rule of ours involved), rewritten by the web
 * layer without a running application: a 400 of a start or completion becomes a French 400, a real
 * fault stays 5xx with a French message, and neither shows a stack trace, a class name or SQL. Other
 * answers (404, 403, a 400 elsewhere) pass unchanged.
 */
class ErrorAnswerFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What Camunda's REST layer writes for a persistence failure. */
  private static final String CAMUNDA_SQL_FAILURE = "{\"type\":\"ProcessEngineException\",\"message\":\"org.apache.ibatis."
      + "exceptions.PersistenceException: ### Error updating database. Cause: org.h2.jdbc.JdbcSQLDataException: "
      + "Value too long for column \\\"TEXT_ CHARACTER VARYING(4000)\\\"; SQL statement: insert into ACT_RU_VARIABLE ... "
      + "at org.camunda.bpm.engine.impl.db.sql.DbSqlSession.flush(DbSqlSession.java:123)\",\"code\":0}";
  private static final String CAMUNDA_BAD_REQUEST = "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot "
      + "instantiate process definition x: Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer\"}";

  @ParameterizedTest(name = "{0} {1} answered {2} → {3}")
  @CsvSource({
      "POST, /engine-rest/task/42/complete, 500, 500",
      "POST, /engine-rest/task/42/submit-form, 500, 500",
      "POST, /engine-rest/process-definition/key/learning-lab-purchase/start, 500, 500",
      "POST, /camunda/api/engine/engine/default/task/42/submit-form, 503, 503",
      "PUT, /engine-rest/process-instance/42/variables/notes, 500, 500",
      "POST, /engine-rest/message, 500, 500",
      "GET, /engine-rest/history/variable-instance, 500, 500",
      "POST, /engine-rest/task/42/complete, 400, 400",
      "POST, /engine-rest/engine/default/process-definition/key/learning-lab-purchase/submit-form, 400, 400",
      "POST, /engine-rest/process-definition/abc:1:42/start, 400, 400",
      "POST, /camunda/api/engine/engine/default/process-definition/key/hybrid-course-labelling/submit-form, 400, 400",
  })
  void camundaFailuresAreAnsweredInFrenchWithoutInternals(String method, String path, int camundaStatus, int expected)
      throws Exception {
    MockHttpServletResponse response = run(method, path, camundaStatus,
        camundaStatus >= 500 ? CAMUNDA_SQL_FAILURE : CAMUNDA_BAD_REQUEST);

    assertThat(response.getStatus()).isEqualTo(expected);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    BadInputTest.assertNoInternals(body);
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("type").asText()).isEqualTo(expected >= 500 ? "ServerError" : "InvalidRequest");
    assertThat(json.get("message").asText()).matches(expected >= 500 ? "^Erreur interne du serveur : .*" : "^Requête invalide : .*");
  }

  @ParameterizedTest(name = "{0} {1} answered {2} {3}: French message, same status and type")
  @CsvSource({
      "POST, /engine-rest/task/42/complete, 403, AuthorizationException, Accès refusé : ",
      "GET, /camunda/api/engine/engine/default/process-instance/42, 404, InvalidRequestException, Introuvable : ",
      "POST, /engine-rest/process-definition/key/x/start, 404, RestException, Introuvable : ",
  })
  void refusalsAndAbsencesAreExplainedInFrench(String method, String path, int status, String type, String start)
      throws Exception {
    MockHttpServletResponse response = run(method, path, status,
        "{\"type\":\"" + type + "\",\"message\":\"The user with id 'hugo' does not have 'READ' permission\",\"userId\":\"hugo\"}");

    assertThat(response.getStatus()).isEqualTo(status);
    JsonNode json = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(json.get("type").asText()).isEqualTo(type);
    assertThat(json.get("message").asText()).startsWith(start);
    assertThat(json.has("userId")).isFalse();
  }

  @ParameterizedTest(name = "{0} {1} answered 500 {2}: 409, French message, same type")
  @CsvSource({
      "POST, /engine-rest/task/42/claim, TaskAlreadyClaimedException, Tâche déjà prise en charge : ",
      "POST, /camunda/api/engine/engine/default/task/42/claim, TaskAlreadyClaimedException, Tâche déjà prise en charge : ",
      "POST, /engine-rest/task/42/complete, OptimisticLockingException, Modification simultanée : ",
      "PUT, /camunda/api/engine/engine/default/process-instance/42/variables/notes, OptimisticLockingException, Modification simultanée : ",
  })
  void twoPeopleActingOnTheSameThingIsAConflictNotAFault(String method, String path, String type, String start)
      throws Exception {
    MockHttpServletResponse response = run(method, path, 500,
        "{\"type\":\"" + type + "\",\"message\":\"Task '42' is already claimed by someone else.\",\"code\":0}");

    assertThat(response.getStatus()).isEqualTo(409);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    BadInputTest.assertNoInternals(body);
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("type").asText()).isEqualTo(type);
    assertThat(json.get("message").asText()).startsWith(start).contains("Actualisez");
  }

  @ParameterizedTest(name = "{0} {1} answered 500 {2}: a fault, 500")
  @CsvSource({
      "POST, /engine-rest/task/42/claim, ProcessEngineException",
      "POST, /engine-rest/task/42/claim, NullPointerException",
      "GET, /camunda/api/cockpit/plugin/base/default/x, OptimisticLockingException",
  })
  void otherFailuresStayFaults(String method, String path, String type) throws Exception {
    MockHttpServletResponse response = run(method, path, 500, "{\"type\":\"" + type + "\",\"message\":\"x\"}");

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("type").asText()).isEqualTo("ServerError");
  }

  @ParameterizedTest(name = "{0} {1} answered {2} {3}, {4} {5}: {6}")
  @CsvSource({
      "POST, /engine-rest/task/42/submit-form, 500, RestException, TASK, GONE, 404, Tâche introuvable : ",
      "POST, /engine-rest/engine/default/task/42/complete, 500, NullValueException, TASK, GONE, 404, Tâche introuvable : ",
      "POST, /camunda/api/engine/engine/default/task/42/claim, 500, NullValueException, TASK, GONE, 404, Tâche introuvable : ",
      "POST, /engine-rest/task/42/unclaim, 400, NotFoundException, TASK, GONE, 404, Tâche introuvable : ",
      "GET, /engine-rest/task/42/form-variables, 400, BadUserRequestException, TASK, GONE, 404, Tâche introuvable : ",
      "POST, /engine-rest/task/42/submit-form, 500, RestException, TASK, SUSPENDED, 409, Demande suspendue : ",
      "POST, /camunda/api/engine/engine/default/task/42/resolve, 500, RestException, TASK, SUSPENDED, 409, Demande suspendue : ",
      "PUT, /camunda/api/engine/engine/default/job/42/retries, 500, ProcessEngineException, JOB, GONE, 404, Introuvable : ce job",
      "PUT, /engine-rest/job/42/duedate, 500, ProcessEngineException, JOB, GONE, 404, Introuvable : ce job",
      "POST, /engine-rest/process-definition/key/42/start, 500, RestException, START, SUSPENDED, 409, Démarrage impossible : ",
      "POST, /camunda/api/engine/engine/default/process-definition/42/submit-form, 500, RestException, START, SUSPENDED, 409, Démarrage impossible : ",
  })
  void aTaskOrJobGoneOrSuspendedIsSaidSo(String method, String path, int camundaStatus, String type, EngineStates.Kind kind,
      EngineStates.State state, int expected, String start) throws Exception {
    java.util.List<EngineStates.Addressed> asked = new java.util.ArrayList<>();
    MockHttpServletResponse response = run(method, path, camundaStatus,
        "{\"type\":\"" + type + "\",\"message\":\"Cannot find task with id 42: task is null\",\"code\":0}",
        addressed -> {
          asked.add(addressed);
          return state;
        });

    assertThat(asked).extracting(EngineStates.Addressed::kind, EngineStates.Addressed::id)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(kind, "42"));
    assertThat(response.getStatus()).isEqualTo(expected);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    BadInputTest.assertNoInternals(body);
    assertThat(JSON.readTree(body).get("message").asText()).startsWith(start);
  }

  @ParameterizedTest(name = "{0} {1}: nothing to look at, answered as before")
  @CsvSource({
      "POST, /engine-rest/task/create, 400",
      "GET, /engine-rest/task/count, 500",
      "POST, /engine-rest/job/retries, 500",
      "PUT, /engine-rest/job/suspended, 500",
      "POST, /engine-rest/process-definition/key/x/restart, 500",
      "POST, /engine-rest/process-instance/42/variables, 500",
      "GET, /engine-rest/history/task/42, 500",
  })
  void otherAddressesAreNotLookedUp(String method, String path, int status) throws Exception {
    MockHttpServletResponse response = run(method, path, status, "{\"type\":\"RestException\",\"message\":\"x\"}",
        addressed -> {
          throw new AssertionError("looked up " + addressed);
        });

    assertThat(response.getStatus()).isEqualTo(status);
  }

  @org.junit.jupiter.api.Test
  void aTaskThatCannotBeReadLeavesTheFaultAsItIs() throws Exception {
    MockHttpServletResponse response = run("POST", "/engine-rest/task/42/complete", 500,
        "{\"type\":\"ProcessEngineException\",\"message\":\"x\"}", addressed -> {
          throw new IllegalStateException("base indisponible");
        });

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("type").asText()).isEqualTo("ServerError");
  }

  @ParameterizedTest(name = "{0} {1}: « {2} » → « {3} »")
  @CsvSource(delimiter = '|', value = {
      "PUT | /camunda/api/engine/engine/default/process-instance/42/variables/ects | Cannot put process instance variable ects: Cannot convert value 'abc' of type 'Integer' to java type java.lang.Integer | la valeur « abc » n'est pas du type « Integer ».",
      "PUT | /engine-rest/process-instance/42/variables/courseTitle | Cannot put process instance variable courseTitle: Variable value is too long | la valeur est trop longue (4 000 caractères au plus).",
      "POST | /engine-rest/process-instance/42/variables | Cannot modify variables for process instance 42: Unsupported value type 'Json' | le type de variable « Json » n'est pas accepté",
      "POST | /camunda/api/engine/engine/default/user/create | The user already exists | un compte porte déjà cet identifiant.",
      "POST | /engine-rest/group/create | The group already exists | un groupe porte déjà cet identifiant.",
      "PUT | /engine-rest/user/julie/credentials | The given authenticated user password is not valid. | votre propre mot de passe, demandé pour confirmer la modification, est incorrect.",
      "POST | /engine-rest/incident/42/annotation | Annotation must not be longer than 4000 | Motif donné par Camunda (en anglais) : « Annotation must not be longer than 4000 ».",
      "GET | /engine-rest/task?maxResults=x | Cannot set query parameter 'maxResults' to value 'x': Cannot convert value to java.lang.Integer | Camunda n'a pas accepté les paramètres ou les données envoyés. Rien n'a été modifié.",
  })
  void otherEngineRefusalsAreAnsweredInFrench(String method, String path, String camunda, String expected) throws Exception {
    MockHttpServletResponse response = run(method, path, 400,
        "{\"type\":\"InvalidRequestException\",\"message\":\"" + camunda + "\"}");

    assertThat(response.getStatus()).isEqualTo(400);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    BadInputTest.assertNoInternals(body.replace("« Annotation must not be longer than 4000 »", ""));
    JsonNode json = JSON.readTree(body);
    assertThat(json.get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(json.get("message").asText()).startsWith("Requête invalide : ").contains(expected).endsWith(" Rien n'a été modifié.");
  }

  @org.junit.jupiter.api.Test
  void aBodyCamundaCouldNotReadIsAnsweredInFrenchWithoutJavaTypes() throws Exception {
    MockHttpServletResponse response = run("PUT", "/engine-rest/task/42", 400,
        "Cannot deserialize value of type `java.util.Date` from String \"pas une date\": not a valid representation");

    assertThat(response.getStatus()).isEqualTo(400);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    BadInputTest.assertNoInternals(body);
    assertThat(JSON.readTree(body).get("message").asText()).startsWith("Requête invalide : ");
  }

  @ParameterizedTest(name = "{0} {1} answered {2}: unchanged")
  @CsvSource({
      "POST, /engine-rest/task/42/complete, 204",
      "GET, /engine-rest/task/42, 200",
      "GET, /camunda/api/cockpit/plugin/base/default/x, 404",
      "POST, /camunda/api/admin/auth/user/default/login/cockpit, 400",
  })
  void otherAnswersPassUnchanged(String method, String path, int camundaStatus) throws Exception {
    String original = "{\"type\":\"Whatever\",\"message\":\"original\"}";
    MockHttpServletResponse response = run(method, path, camundaStatus, original);

    assertThat(response.getStatus()).isEqualTo(camundaStatus);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(original);
  }

  @org.junit.jupiter.api.Test
  void anAnswerAlreadySentAsAnErrorPageIsLeftAlone() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task/42/complete");
    MockHttpServletResponse response = new MockHttpServletResponse();
    HttpServlet camunda = new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.sendError(500);
      }
    };

    new RuleViolationResponseFilter(addressed -> EngineStates.State.ACTIVE).doFilter(request, response, new MockFilterChain(camunda));

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.isCommitted()).isTrue();
  }

  private static MockHttpServletResponse run(String method, String path, int status, String body) throws Exception {
    return run(method, path, status, body, addressed -> EngineStates.State.ACTIVE);
  }

  private static MockHttpServletResponse run(String method, String path, int status, String body, EngineStates tasks)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRequestURI(path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    HttpServlet camunda = new HttpServlet() {
      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
      }
    };
    new RuleViolationResponseFilter(tasks).doFilter(request, response, new MockFilterChain(camunda));
    return response;
  }
}
