package org.pedaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pedaflow.labelling.LabellingProcess;
import org.pedaflow.labelling.LabellingTestSupport;
import org.pedaflow.test.Api;

/**
 * Tasklist speaks French to a browser set to French, as every browser of these tests is: its menus,
 * buttons and dates come from Pedaflow's {@code app/tasklist/locales/fr.json}, chosen by
 * {@code app/tasklist/scripts/config.js}.
 */
class FrenchTasklistBrowserTest extends BrowserTest {

  @Test
  void theLoginPageTheMenusAndTheTaskAreInFrench() {
    String course = "HIS-" + UUID.randomUUID().toString().substring(0, 6);
    Api.Response started = rest("claire").post("/process-definition/key/" + LabellingProcess.PROCESS_KEY + "/start",
        restVariables(LabellingTestSupport.application(course, 60)));
    assertThat(started.status()).isEqualTo(200);
    String reference = started.json().get("businessKey").asText();

    Tasklist tasklist = tasklist().signOut();
    assertThat(browser().visible(By.cssSelector("form button[type=submit]")).getText()).isEqualTo(LOG_IN);
    browser().screenshot("connexion");

    tasklist.login("ines");
    browser().visible(Tasklist.START_PROCESS);
    tasklist.filter("Tâches de mes groupes").openTask(HybridCourseLabellingBrowserTest.REVIEW, reference);
    String listed = browser().visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(normalize-space(.), "
        + Browser.xpathLiteral(reference) + ")]")).getText();
    assertThat(listed).contains("Référence", "Créée il y a", "Échéance dans");
    assertThat(browser().visible(Tasklist.CLAIM).getText()).isEqualTo(CLAIM);
    browser().screenshot("tache-en-francais");
  }

  private static final String LOG_IN = "Se connecter";
  private static final String CLAIM = "Prendre en charge";
}
