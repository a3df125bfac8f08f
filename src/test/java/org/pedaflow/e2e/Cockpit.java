package org.pedaflow.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Cockpit as an administrator uses it: processes, a definition's instances, one instance. */
final class Cockpit {

  private final Browser browser;
  private final String url;

  Cockpit(Browser browser, String baseUrl) {
    this.browser = browser;
    this.url = baseUrl + "/camunda/app/cockpit/default/";
  }

  /** Fills Cockpit's login page as a demo user; success or refusal is for the caller to check. */
  Cockpit logIn(String user) {
    browser.signOut(url);
    browser.logIn(user, user);
    return this;
  }

  /** Waits for the dashboard a user who may open Cockpit lands on. */
  Cockpit dashboard() {
    browser.visible(By.xpath("//a[contains(@href, '#/processes') or contains(@href, '#/dashboard')]"));
    return this;
  }

  /** Waits for the refusal of the login and returns what the page says. */
  String refusal() {
    return browser.until(d -> {
      String text = browser.visible(By.cssSelector(".notifications .alert-danger")).getText();
      return text.isBlank() ? null : text;
    });
  }

  /** « Processes », then the process by its French name, then the instance by its id. */
  Cockpit openInstance(String processName, String processInstanceId) {
    browser.open(url + "#/processes");
    browser.click(By.xpath("//a[normalize-space(.)=" + Browser.xpathLiteral(processName) + "]"));
    browser.click(By.xpath("//a[contains(@href, 'process-instance/" + processInstanceId + "')]"));
    diagram();
    return this;
  }

  /** The BPMN diagram of the page (rendered by bpmn-js). */
  WebElement diagram() {
    return browser.visible(By.cssSelector(".djs-container svg"));
  }

  /** The elements the diagram marks as holding a running token (the current activities). */
  boolean showsTokenOn(String activityId) {
    return !browser.all(By.cssSelector(".djs-container [data-element-id='" + activityId + "']")).isEmpty()
        && !browser.all(By.cssSelector(".djs-overlays[data-container-id='" + activityId + "'] .badge")).isEmpty();
  }

  /** The text of the instance's « Variables » table once it lists this variable. */
  String variablesTable(String expectedVariable) {
    browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Variables']"));
    return browser.visible(By.xpath("//table[.//td[normalize-space(.)=" + Browser.xpathLiteral(expectedVariable) + "]]")).getText();
  }
}
