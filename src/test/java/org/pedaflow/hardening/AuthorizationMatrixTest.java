package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.pedaflow.test.WebappSession;

/**
 * SPEC §2 as a table: every group (one demo user each, plus a second teacher who is not the
 * assignee) × every action — start each process, see and complete each kind of task, open
 * Tasklist, Cockpit and Admin, read another person's instance (runtime and history) — answered as
 * the SPEC says, over the REST API (HTTP Basic) and over the webapps' API (session, CSRF).
 *
 * <p>"Complete" is proven without using up the task: the user submits an empty form; an allowed
 * user passes the authorization check and is stopped by the process's rules (400 InvalidInput), a
 * forbidden one gets 403. Starts are real: an allowed start creates an instance, a forbidden one
 * nothing.
 */
class AuthorizationMatrixTest extends PedaflowIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The demo users of SPEC §2, one per group. */
  enum Who {
    ADMIN("admin"), TEACHER("claire"), OTHER_TEACHER("thomas"), DESIGNER("ines"), COMMITTEE("hugo"),
    LAB_MANAGER("lea"), FINANCE("marc"), HR("nadia");

    final String user;

    Who(String user) {
      this.user = user;
    }
  }

  enum Channel { REST, WEBAPP }

  /** Kinds of task, the process they belong to, and who may work on them (SPEC §2–3). */
  enum TaskKind {
    REVIEW_PEDAGOGICAL_DESIGN("hybrid-course-labelling", "ReviewPedagogicalDesign", Who.DESIGNER),
    REVISE_COURSE("hybrid-course-labelling", "ReviseCourse", Who.TEACHER), // assignee: the applicant
    DECIDE_LABEL("hybrid-course-labelling", "DecideLabel", Who.COMMITTEE),
    GIVE_PEDAGOGICAL_OPINION("learning-lab-purchase", "GivePedagogicalOpinion", Who.DESIGNER),
    APPROVE_AS_LAB_MANAGER("learning-lab-purchase", "ApproveAsLabManager", Who.LAB_MANAGER),
    APPROVE_BUDGET("learning-lab-purchase", "ApproveBudget", Who.FINANCE),
    REGISTER_DELIVERY("learning-lab-purchase", "RegisterDelivery", Who.LAB_MANAGER),
    ASSIGN_MENTOR("teacher-onboarding", "AssignMentor", Who.DESIGNER),
    COMPLETE_NEEDS_QUESTIONNAIRE("teacher-onboarding", "CompleteNeedsQuestionnaire", Who.TEACHER), // assignee: the new teacher
    HOLD_WELCOME_MEETING("teacher-onboarding", "HoldWelcomeMeeting", Who.DESIGNER), // assignee: the mentor
    RATE_ONBOARDING("teacher-onboarding", "RateOnboarding", Who.TEACHER); // assignee: the new teacher

    final String processKey;
    final String taskKey;
    final Who worker;

    TaskKind(String processKey, String taskKey, Who worker) {
      this.processKey = processKey;
      this.taskKey = taskKey;
      this.worker = worker;
    }
  }

  private static final Map<String, Set<Who>> STARTERS = Map.of(
      "hybrid-course-labelling", Set.of(Who.ADMIN, Who.TEACHER, Who.OTHER_TEACHER),
      "learning-lab-purchase", Set.of(Who.ADMIN, Who.TEACHER, Who.OTHER_TEACHER, Who.DESIGNER, Who.LAB_MANAGER),
      "teacher-onboarding", Set.of(Who.ADMIN, Who.HR));
  private static final Set<Who> COCKPIT = Set.of(Who.ADMIN, Who.DESIGNER);
  private static final Set<Who> ADMIN_APP = Set.of(Who.ADMIN);
  /** Who reads an instance started by someone else (Cockpit's readers). */
  private static final Set<Who> INSTANCE_READERS = Set.of(Who.ADMIN, Who.DESIGNER);

  private static final Map<TaskKind, String> TASKS = new EnumMap<>(TaskKind.class);
  private static final Map<String, String> FOREIGN_INSTANCES = new LinkedHashMap<>();

  static Stream<Arguments> startMatrix() {
    List<Arguments> rows = new ArrayList<>();
    for (String process : STARTERS.keySet().stream().sorted().toList()) {
      for (Who who : Who.values()) {
        for (Channel channel : Channel.values()) {
          rows.add(Arguments.of(process, who, channel, STARTERS.get(process).contains(who)));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "[{index}] {1} starts {0} over {2}: {3}")
  @MethodSource("startMatrix")
  void startAProcess(String processKey, Who who, Channel channel, boolean allowed) {
    requireDeployed(processKey);
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();

    Api.Response response = client(who, channel).post(prefix(channel) + "/process-definition/key/" + processKey + "/submit-form",
        body(validStart(processKey)));

    long after = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
    if (allowed) {
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(after).isEqualTo(before + 1);
      // its async steps (the welcome mail) end before the test does: the coverage listener reads the events then
      awaitJobs(response.json().get("id").asText());
    } else {
      // not allowed (every group reads the definitions, so nobody is told that the process does not exist)
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(after).isEqualTo(before);
      assertThat(response.json().get("message").asText()).startsWith("Accès refusé : ");
      BadInputTest.assertNoInternals(response.body());
    }
  }

  static Stream<Arguments> taskMatrix() {
    List<Arguments> rows = new ArrayList<>();
    for (TaskKind kind : TaskKind.values()) {
      for (Who who : Who.values()) {
        for (Channel channel : Channel.values()) {
          rows.add(Arguments.of(kind, who, channel, who == Who.ADMIN || who == kind.worker));
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "[{index}] {1} sees and completes {0} over {2}: {3}")
  @MethodSource("taskMatrix")
  void seeAndCompleteATask(TaskKind kind, Who who, Channel channel, boolean allowed) {
    requireDeployed(kind.processKey);
    String taskId = waitingTask(kind);
    Client client = client(who, channel);

    Api.Response seen = client.get(prefix(channel) + "/task?taskId=" + taskId);
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.json().size()).as("visible in the task list").isEqualTo(allowed ? 1 : 0);

    Api.Response complete = client.post(prefix(channel) + "/task/" + taskId + "/submit-form", "{\"variables\": {}}");
    if (allowed) {
      assertThat(complete.status()).as(complete.body()).isEqualTo(400);
      assertThat(complete.json().get("type").asText()).isEqualTo("InvalidInput");
    } else {
      assertThat(complete.status()).as(complete.body()).isEqualTo(403);
      BadInputTest.assertNoInternals(complete.body());
      assertThat(complete.json().get("message").asText()).startsWith("Accès refusé : ");
    }
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  static Stream<Arguments> applicationMatrix() {
    List<Arguments> rows = new ArrayList<>();
    for (Who who : Who.values()) {
      rows.add(Arguments.of("tasklist", who, true));
      rows.add(Arguments.of("cockpit", who, COCKPIT.contains(who)));
      rows.add(Arguments.of("admin", who, ADMIN_APP.contains(who)));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "[{index}] {1} opens {0}: {2}")
  @MethodSource("applicationMatrix")
  void openAWebapp(String app, Who who, boolean allowed) {
    WebappSession browser = new WebappSession(baseUrl());
    Api.Response login = browser.login(app, who.user);
    assertThat(login.status()).as(login.body()).isEqualTo(allowed ? 200 : 403);

    // logged in to Tasklist (everyone may), the application's own API is still guarded
    browser.login("tasklist", who.user);
    String api = switch (app) {
      case "cockpit" -> "/camunda/api/cockpit/plugin/base/default/process-definition/statistics";
      case "admin" -> WebappSession.ADMIN_API;
      default -> "/camunda/api/engine/engine/default/task/count";
    };
    int status = browser.get(api).status();
    if (allowed) {
      assertThat(status).isEqualTo(200);
    } else {
      assertThat(status).isEqualTo(403);
    }
  }

  static Stream<Arguments> readMatrix() {
    List<Arguments> rows = new ArrayList<>();
    for (String process : List.of("hybrid-course-labelling", "learning-lab-purchase", "teacher-onboarding")) {
      for (Who who : Who.values()) {
        if (who == starterOfForeignInstance(process)) {
          continue; // their own instance
        }
        for (Channel channel : Channel.values()) {
          rows.add(Arguments.of(process, who, channel, INSTANCE_READERS.contains(who)));
        }
      }
    }
    return rows.stream();
  }

  /** Tasklist's « Démarrer un processus » lists, for each person, exactly the processes they may start. */
  @ParameterizedTest(name = "[{index}] {0} over {1}")
  @MethodSource("whoAndChannel")
  void theStartDialogOffersWhatTheyMayStart(Who who, Channel channel) {
    Api.Response startable = client(who, channel).get(prefix(channel)
        + "/process-definition?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true");
    assertThat(startable.status()).as(startable.body()).isEqualTo(200);
    List<String> keys = new ArrayList<>();
    // (other tests deploy processes of their own: only Pedaflow's three are compared)
    startable.json().forEach(definition -> keys.add(definition.get("key").asText()));
    keys.retainAll(STARTERS.keySet());
    assertThat(keys).containsExactlyInAnyOrderElementsOf(
        STARTERS.entrySet().stream().filter(entry -> entry.getValue().contains(who)).map(Map.Entry::getKey).toList());
  }

  static Stream<Arguments> whoAndChannel() {
    return Stream.of(Who.values()).flatMap(who -> Stream.of(Channel.values()).map(channel -> Arguments.of(who, channel)));
  }

  @ParameterizedTest(name = "[{index}] {1} reads another person's {0} instance over {2}: {3}")
  @MethodSource("readMatrix")
  void readAnotherPersonsInstance(String processKey, Who who, Channel channel, boolean allowed) {
    requireDeployed(processKey);
    String id = foreignInstance(processKey);
    Client client = client(who, channel);

    for (String path : List.of("/process-instance/" + id, "/history/process-instance/" + id)) {
      Api.Response one = client.get(prefix(channel) + path);
      if (allowed) {
        assertThat(one.status()).as(path + " " + one.body()).isEqualTo(200);
        assertThat(one.json().get("id").asText()).isEqualTo(id);
      } else {
        assertThat(one.status()).as(path + " " + one.body()).isIn(403, 404);
        BadInputTest.assertNoInternals(one.body());
      }
    }
    for (String path : List.of("/process-instance?processInstanceIds=" + id, "/history/process-instance?processInstanceId=" + id,
        "/history/variable-instance?processInstanceId=" + id)) {
      Api.Response list = client.get(prefix(channel) + path);
      assertThat(list.status()).as(path).isEqualTo(200);
      if (allowed) {
        assertThat(list.json().size()).as(path).isPositive();
      } else {
        assertThat(list.json().size()).as(path).isZero();
      }
    }
  }

  // --- fixtures ------------------------------------------------------------------------------

  private static Who starterOfForeignInstance(String processKey) {
    return "teacher-onboarding".equals(processKey) ? Who.HR : Who.OTHER_TEACHER;
  }

  /** An instance started by someone (thomas, or nadia for an onboarding), once per run. */
  private String foreignInstance(String processKey) {
    return FOREIGN_INSTANCES.computeIfAbsent(processKey, key -> {
      Who starter = starterOfForeignInstance(key);
      Map<String, Object> variables = validStart(key);
      Api.Response response = rest(starter.user).post("/process-definition/key/" + key + "/start", body(variables));
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      String id = response.json().get("id").asText();
      awaitJobs(id);
      return id;
    });
  }

  private String waitingTask(TaskKind kind) {
    String id = TASKS.get(kind);
    if (id != null && taskService.createTaskQuery().taskId(id).count() == 1) {
      return id;
    }
    String pid = switch (kind) {
      case REVIEW_PEDAGOGICAL_DESIGN -> start("hybrid-course-labelling", "claire");
      case REVISE_COURSE -> complete(start("hybrid-course-labelling", "claire"), "ReviewPedagogicalDesign",
          Map.of("scoreAlignment", 1, "scoreActivities", 1, "scoreAssessment", 1, "scoreAccessibility", 1,
              "recommendation", "revise", "reviewComments", "À compléter."));
      case DECIDE_LABEL -> complete(start("hybrid-course-labelling", "claire"), "ReviewPedagogicalDesign",
          Map.of("scoreAlignment", 3, "scoreActivities", 3, "scoreAssessment", 3, "scoreAccessibility", 3,
              "recommendation", "approve"));
      case GIVE_PEDAGOGICAL_OPINION -> start("learning-lab-purchase", "claire");
      case APPROVE_AS_LAB_MANAGER -> complete(start("learning-lab-purchase", "claire"), "GivePedagogicalOpinion",
          Map.of("opinionFavourable", true));
      case APPROVE_BUDGET -> complete(complete(start("learning-lab-purchase", "claire"), "GivePedagogicalOpinion",
          Map.of("opinionFavourable", true)), "ApproveAsLabManager", Map.of("labManagerApproved", true));
      case REGISTER_DELIVERY -> complete(complete(complete(start("learning-lab-purchase", "claire"),
          "GivePedagogicalOpinion", Map.of("opinionFavourable", true)), "ApproveAsLabManager",
          Map.of("labManagerApproved", true)), "ApproveBudget", Map.of("budgetApproved", true, "budgetCommitmentNumber", "ENG-1"));
      case ASSIGN_MENTOR, COMPLETE_NEEDS_QUESTIONNAIRE -> start("teacher-onboarding", "nadia");
      case HOLD_WELCOME_MEETING, RATE_ONBOARDING -> {
        String onboarding = complete(complete(start("teacher-onboarding", "nadia"), "AssignMentor", Map.of("mentorId", "ines")),
            "CompleteNeedsQuestionnaire", Map.of("lmsExperience", "basic", "interests", "hybrid", "wantsLabelSupport", false));
        yield kind == TaskKind.HOLD_WELCOME_MEETING ? onboarding : complete(onboarding, "HoldWelcomeMeeting",
            Map.of("meetingDate", LocalDate.now().toString(), "trainingPlan", "Ateliers.", "enrolInLmsTraining", false));
      }
    };
    Task task = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(kind.taskKey).singleResult();
    assertThat(task).as(kind.taskKey).isNotNull();
    TASKS.put(kind, task.getId());
    return task.getId();
  }

  private String start(String processKey, String user) {
    Api.Response response = rest(user).post("/process-definition/key/" + processKey + "/start", body(validStart(processKey)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String id = response.json().get("id").asText();
    awaitJobs(id);
    return id;
  }

  private String complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as(taskKey).isNotNull();
    Api.Response response = rest("admin").post("/task/" + task.getId() + "/complete", body(variables));
    assertThat(response.status()).as(response.body()).isEqualTo(204);
    awaitJobs(processInstanceId);
    return processInstanceId;
  }

  private static Map<String, Object> validStart(String processKey) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (processKey) {
      case "hybrid-course-labelling" -> {
        v.put("courseTitle", "Sociologie des organisations");
        v.put("courseCode", "SOC-210");
        v.put("program", "Licence de sociologie");
        v.put("ects", 6);
        v.put("distanceSharePercent", 40);
        v.put("lmsCourseUrl", "https://moodle.univ.example/course/view.php?id=210");
      }
      case "learning-lab-purchase" -> {
        v.put("itemDescription", "Tablettes graphiques");
        v.put("quantity", 4);
        v.put("unitPriceEur", 350.0);
        v.put("supplier", "Fournisseur SA");
        v.put("pedagogicalJustification", "Ateliers de dessin numérique.");
        v.put("budgetLine", "LAB-2026");
      }
      case "teacher-onboarding" -> {
        v.put("teacherId", "claire");
        v.put("teacherName", "Claire Dubois");
        v.put("teacherEmail", "claire@univ.example");
        v.put("department", "Sociologie");
        v.put("status", "titulaire");
        v.put("startDate", LocalDate.now().toString());
        v.put("needsLmsTraining", false);
      }
      default -> throw new IllegalArgumentException(processKey);
    }
    return v;
  }


  // --- the two ways in -----------------------------------------------------------------------

  /** GET and POST as one user, over REST or through a Tasklist session. */
  interface Client {
    Api.Response get(String path);

    Api.Response post(String path, String json);
  }

  private static String prefix(Channel channel) {
    return channel == Channel.REST ? "" : "/camunda/api/engine/engine/default";
  }

  private Client client(Who who, Channel channel) {
    if (channel == Channel.REST) {
      Api api = rest(who.user);
      return new Client() {
        public Api.Response get(String path) {
          return api.get(path);
        }

        public Api.Response post(String path, String json) {
          return api.post(path, json);
        }
      };
    }
    WebappSession session = new WebappSession(baseUrl());
    assertThat(session.login("tasklist", who.user).status()).isEqualTo(200);
    session.get("/camunda/api/engine/engine/default/task/count"); // CSRF token of the new session
    return new Client() {
      public Api.Response get(String path) {
        return session.get(path);
      }

      public Api.Response post(String path, String json) {
        return session.postJson(path, json, true);
      }
    };
  }

  private static String body(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    try {
      return JSON.writeValueAsString(Map.of("variables", variables));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
