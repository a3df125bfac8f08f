package org.pedaflow.e2e;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as a person uses it: the login page, « Démarrer un processus », the filters
 * « Mes tâches » / « Tâches de mes groupes », a task's Camunda Form, claim and complete.
 */
final class Tasklist {

  private final Browser browser;
  private final String url;

  /** The link of Tasklist's header, in French (Pedaflow's {@code app/tasklist/locales/fr.json}). */
  static final By START_PROCESS = By.xpath("//a[contains(normalize-space(.), 'Démarrer un processus')]");
  /** « Prendre en charge » on the open task. */
  static final By CLAIM = By.cssSelector("[cam-tasklist-task-meta] button.claim");

  Tasklist(Browser browser, String baseUrl) {
    this.browser = browser;
    this.url = baseUrl + "/camunda/app/tasklist/default/";
  }

  /** Logs out whoever was there: the login page shows. */
  Tasklist signOut() {
    browser.signOut(url);
    return this;
  }

  /** Logs in as a demo user (the password is the login), after logging out whoever was there. */
  Tasklist login(String user) {
    signOut();
    browser.logIn(user, user);
    browser.visible(By.xpath("//*[contains(@class,'filters')]//a[contains(normalize-space(.), 'Mes tâches')]"));
    return this;
  }

  /** « Démarrer un processus », then the process by its French name: its start form opens. */
  Tasklist startProcess(String processName) {
    browser.click(START_PROCESS);
    By process = By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(.), " + Browser.xpathLiteral(processName) + ")]");
    By form = By.cssSelector(".modal .fjs-form");
    // the dialog slides in: a click during its animation can land beside the link, so click again
    // while the link is still there and the form has not come
    browser.until(d -> {
      if (!d.findElements(form).isEmpty()) {
        return true;
      }
      List<WebElement> links = d.findElements(process);
      if (!links.isEmpty() && links.get(0).isDisplayed()) {
        try {
          links.get(0).click();
        } catch (ElementClickInterceptedException e) {
          // the animation is still running: next round
        }
      }
      return false;
    });
    browser.visible(form);
    return this;
  }

  /** Clicks « Démarrer » at the bottom of the start form. */
  void submitStart() {
    browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
  }

  /** Submits the start form and waits until Tasklist confirms and closes the dialog. */
  void submitStartAndWait() {
    submitStart();
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
  }

  /** « Fermer » under the start form: the dialog goes away, nothing is started. */
  void closeStartForm() {
    browser.click(By.cssSelector(".modal-footer button[ng-click='$dismiss()']"));
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
  }

  /** Opens a filter of the left column. */
  Tasklist filter(String name) {
    browser.click(By.xpath("//*[contains(@class,'filters')]//a[contains(normalize-space(.), " + Browser.xpathLiteral(name) + ")]"));
    browser.visible(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]//h4[contains(normalize-space(.), "
        + Browser.xpathLiteral(name) + ")]"));
    return this;
  }

  /** Opens, in the current filter's list, the task with this name that shows this text (a variable of the filter). */
  Tasklist openTask(String taskName, String shownText) {
    By item = By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4[contains(normalize-space(.), " + Browser.xpathLiteral(taskName)
        + ")] and contains(normalize-space(.), " + Browser.xpathLiteral(shownText) + ")]//h4//a");
    browser.click(item);
    browser.visible(By.xpath("//h2[contains(@class,'task') and contains(normalize-space(.), " + Browser.xpathLiteral(taskName) + ")]"));
    return this;
  }

  /**
   * Opens, among the current filter's tasks with this name, the one whose form shows this text (the
   * first one for an empty text): for tasks whose list entry shows nothing to tell them apart.
   */
  Tasklist openTaskWhoseFormShows(String taskName, String shownText) {
    By items = By.xpath("//ol[contains(@class,'tasks-list')]/li[.//h4[contains(normalize-space(.), " + Browser.xpathLiteral(taskName) + ")]]//h4//a");
    browser.visible(items);
    int count = browser.all(items).size();
    for (int i = 0; i < count; i++) {
      browser.all(items).get(i).click();
      WebElement form = formVisible();
      browser.until(d -> !form.getText().isBlank());
      if (form.getText().contains(shownText)) {
        return this;
      }
    }
    throw new AssertionError("Aucune tâche « " + taskName + " » dont le formulaire montre « " + shownText + " »");
  }

  /** The text of the open task's form. */
  String formText() {
    return formVisible().getText();
  }

  /** « Prendre en charge » on the open task, then waits for its form to become editable. */
  Tasklist claim() {
    browser.click(CLAIM);
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    formVisible();
    return this;
  }

  WebElement formVisible() {
    return browser.visible(By.cssSelector(".fjs-form"));
  }

  /** Clicks « Terminer » under the task's form. */
  void complete() {
    browser.click(By.cssSelector("button[ng-click='complete()']"));
  }

  /** Completes and waits until the task has left the view. */
  void completeAndWait() {
    WebElement form = formVisible();
    complete();
    browser.wait.until(ExpectedConditions.stalenessOf(form));
  }

  // ---------------------------------------------------------------- form fields, found by their label

  /** The input of a form field, found by its French label as a person reads it. */
  WebElement field(String label) {
    WebElement labelElement = browser.visible(By.xpath("//div[contains(@class,'fjs-form')]//label[contains(@class,'fjs-form-field-label')"
        + " and starts-with(normalize-space(.), " + Browser.xpathLiteral(label) + ")]"));
    return browser.driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /**
   * Types into a field, leaves it, and checks the value stayed. Camunda Forms (form-js in Tasklist 7.24)
   * can drop a value typed within a few milliseconds after a number field (the number field's delayed
   * update carries the older form data), so tests type number fields after the text fields.
   */
  Tasklist type(String label, String text) {
    WebElement input = field(label);
    if (!input.getDomProperty("value").isEmpty()) {
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    }
    input.sendKeys(text);
    // leaving the field (as a person does) hands the value to the form at once, not after form-js's debounce
    input.sendKeys(Keys.TAB);
    browser.until(d -> text.equals(input.getDomProperty("value")));
    return this;
  }

  /** Ticks or unticks a checkbox (or an option of a checklist) by its label. */
  Tasklist check(String label, boolean checked) {
    WebElement labelElement = label(label);
    String forId = labelElement.getAttribute("for");
    WebElement box = forId != null && !forId.isEmpty() ? browser.driver.findElement(By.id(forId))
        : labelElement.findElement(By.xpath(".//input"));
    if (box.isSelected() != checked) {
      browser.script("arguments[0].scrollIntoView({block: 'center'});", box);
      box.click();
    }
    browser.until(d -> box.isSelected() == checked);
    return this;
  }

  /** Chooses a radio option by its label. */
  Tasklist choose(String optionLabel) {
    check(optionLabel, true);
    return this;
  }

  /** Chooses an option of a select field: opens its list and clicks the option. */
  Tasklist select(String label, String optionLabel) {
    WebElement display = field(label).findElement(By.xpath("preceding-sibling::div[contains(@class,'fjs-select-display')]"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", display);
    By option = By.xpath("//div[contains(@class,'fjs-dropdownlist')]//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)="
        + Browser.xpathLiteral(optionLabel) + "]");
    // the list opens when the field gets the focus (a TAB from the previous field opens it already)
    if (browser.all(option).isEmpty()) {
      display.click();
    }
    browser.visible(option).click();
    browser.until(d -> display.getText().equals(optionLabel));
    return this;
  }

  /** Types a date as the date picker of Camunda Forms expects it (month/day/year), then leaves the field. */
  Tasklist date(String label, LocalDate date) {
    return type(label, date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
  }

  private WebElement label(String text) {
    return browser.visible(By.xpath("//div[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.), "
        + Browser.xpathLiteral(text) + ")]"));
  }

  /** The validation messages form-js shows under the fields. */
  List<String> fieldErrors() {
    return browser.all(By.cssSelector(".fjs-form .fjs-form-field-error")).stream().map(WebElement::getText)
        .filter(t -> !t.isBlank()).toList();
  }

  /** The text of Tasklist's notifications (errors and confirmations). */
  List<String> notifications() {
    return browser.all(By.cssSelector(".notifications .alert")).stream()
        .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
  }

  /** Waits for Tasklist's error notification and returns its message (what the server answered). */
  String errorMessage() {
    return browser.visible(By.cssSelector(".notifications .alert-danger .message")).getText();
  }

  /** Closes every notification, so that the next one is not confused with an old one. */
  void dismissNotifications() {
    browser.all(By.cssSelector(".notifications .alert button.close[ng-click^='removeNotification']")).forEach(b -> {
      if (b.isDisplayed()) {
        b.click();
      }
    });
  }

  /** Whether the « Démarrer » button of the start form is enabled. */
  boolean startEnabled() {
    return browser.driver.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).isEnabled();
  }
}
