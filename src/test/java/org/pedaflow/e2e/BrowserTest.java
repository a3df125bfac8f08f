package org.pedaflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;

/**
 * Base of the browser tests: the application of {@link PedaflowIntegrationTest} and one headless
 * Chromium for the whole test class (started once, reused by its tests, closed at the end).
 * Without Chromium the class is skipped with one line saying how to install it; with {@code CI=true}
 * a missing browser fails the build.
 */
abstract class BrowserTest extends PedaflowIntegrationTest {

  private static Browser browser;

  @BeforeAll
  static void startBrowser(TestInfo test) {
    Browser.requireChromium();
    browser = new Browser(test.getTestClass().orElseThrow().getSimpleName());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** A screenshot of the page a failed test ended on. */
  @RegisterExtension
  final TestWatcher screenshotOnFailure = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser != null) {
        browser.screenshot("echec");
      }
    }
  };

  @BeforeEach
  void nameScreenshots(TestInfo test) {
    browser.startStep(test.getTestMethod().orElseThrow().getName());
  }

  protected Browser browser() {
    return browser;
  }

  protected Tasklist tasklist() {
    return new Tasklist(browser, baseUrl());
  }

  protected Cockpit cockpit() {
    return new Cockpit(browser, baseUrl());
  }

  /** The one process instance (running or ended) that has this value in a variable, found in the history. */
  protected HistoricProcessInstance instanceWith(String variable, String value) {
    String id = browser.until(d -> historyService.createHistoricVariableInstanceQuery().variableName(variable)
        .variableValueEquals(variable, value).list().stream().map(v -> v.getProcessInstanceId()).findFirst().orElse(null));
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  /**
   * The variables of an instance as the REST API gives them (name → {type, value}), read as the administrator
   * from the history, so that ended instances can be checked too.
   */
  protected Map<String, JsonNode> restVariablesOf(String processInstanceId) {
    Api.Response response = rest("admin").get("/history/variable-instance?processInstanceId=" + processInstanceId);
    assertThat(response.status()).isEqualTo(200);
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    response.json().forEach(v -> variables.put(v.get("name").asText(), v));
    return variables;
  }

  /** Asserts the REST type ("String", "Integer", "Double", "Boolean") and value of a variable. */
  protected static void assertVariable(Map<String, JsonNode> variables, String name, String type, Object value) {
    assertThat(variables).as("variable %s", name).containsKey(name);
    JsonNode variable = variables.get(name);
    assertThat(variable.get("type").asText()).as("type of %s", name).isEqualTo(type);
    if (value != null) {
      assertThat(variable.get("value").asText()).as("value of %s", name).isEqualTo(String.valueOf(value));
    }
  }
}
