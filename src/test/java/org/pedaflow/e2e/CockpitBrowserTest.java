package org.pedaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.Api;

/** Cockpit in the browser (in French, as the browser is): a teacher is refused, an administrator follows an instance. */
class CockpitBrowserTest extends BrowserTest {

  @Test
  void aTeacherWhoOpensCockpitIsRefused() {
    Cockpit cockpit = cockpit().logIn("claire");
    String refusal = cockpit.refusal();
    browser().screenshot("cockpit-refuse");
    assertThat(refusal).contains("Échec de la connexion");
    assertThat(browser().all(org.openqa.selenium.By.cssSelector("input[ng-model=username]"))).isNotEmpty();
  }

  @Test
  void anAdministratorSeesTheRunningInstanceItsDiagramAndItsVariables() {
    String title = "Sociologie des organisations " + UUID.randomUUID().toString().substring(0, 8);
    Api.Response started = rest("claire").post("/process-definition/key/hybrid-course-labelling/submit-form", Map.of("variables", Map.of(
        "courseTitle", Map.of("value", title), "courseCode", Map.of("value", "SOC-L3-310"),
        "program", Map.of("value", "Licence de sociologie"), "ects", Map.of("value", 5, "type", "Long"),
        "distanceSharePercent", Map.of("value", 30, "type", "Long"),
        "lmsCourseUrl", Map.of("value", "https://moodle.univ.example/course/view.php?id=310"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().get("id").asText();

    Cockpit cockpit = cockpit().logIn("admin").dashboard();
    browser().screenshot("cockpit-tableau-de-bord");
    cockpit.openInstance("Labellisation d'un cours hybride", instanceId);
    String variables = cockpit.variablesTable("courseTitle");
    browser().screenshot("cockpit-instance");

    assertThat(cockpit.showsTokenOn("ReviewPedagogicalDesign")).as("the instance waits at the review, as the diagram shows").isTrue();
    assertThat(cockpit.showsTokenOn("DecideLabel")).isFalse();
    assertThat(variables).contains(title).contains("ects").contains("Integer").contains("teacherId").contains("claire");
    assertThat(browser().driver.getPageSource()).contains(started.json().get("businessKey").asText());
  }
}
