package org.pedaflow.e2e;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's {@code chromium} driven by {@code /usr/bin/chromedriver}, nothing
 * downloaded), shared by the tests of one class, with a screenshot of every step under
 * {@code target/e2e/}.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("pedaflow.e2e.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("pedaflow.e2e.chromedriver", "/usr/bin/chromedriver"));
  static final String MISSING = "Chromium absent : installez-le avec « apt-get install chromium chromium-driver »"
      + " pour lancer les tests navigateur";
  static final Path SCREENSHOTS = Path.of("target", "e2e");
  static final Duration WAIT = Duration.ofSeconds(20);

  final WebDriver driver;
  final WebDriverWait wait;
  private final Path userDataDir;
  private final String prefix;
  private String test = "test";
  private int step;

  /** Skips the browser tests without Chromium, except on CI where a missing browser is a failure. */
  static void requireChromium() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(MISSING + " (CI=true : le navigateur est obligatoire)");
    }
    if (SKIP_ANNOUNCED.compareAndSet(false, true)) {
      // one line on the build's console (surefire sends System.out/err of the tests to report files)
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8).println("[WARNING] " + MISSING);
    }
    Assumptions.abort(MISSING);
  }

  private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

  Browser(String prefix) {
    this.prefix = prefix;
    // Selenium Manager must never look for (or download) a driver or a browser.
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      userDataDir = Files.createTempDirectory("pedaflow-chromium-");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--lang=fr-FR", "--window-size=1400,1000", "--user-data-dir=" + userDataDir);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, WAIT);
  }

  /** Opens an application's page and, if someone is logged in, logs them out: the login page shows. */
  void signOut(String appUrl) {
    driver.get(appUrl);
    By loginOrAccount = By.cssSelector("input[ng-model=username], li.account a.dropdown-toggle");
    WebElement first = visible(loginOrAccount);
    if (!"input".equals(first.getTagName())) {
      click(By.cssSelector("li.account a.dropdown-toggle"));
      click(By.cssSelector("li.logout a"));
    }
    visible(By.cssSelector("input[ng-model=username]"));
  }

  /** Fills Camunda's login page. */
  void logIn(String user, String password) {
    WebElement name = visible(By.cssSelector("input[ng-model=username]"));
    name.clear();
    name.sendKeys(user);
    WebElement secret = visible(By.cssSelector("input[ng-model=password]"));
    secret.clear();
    secret.sendKeys(password);
    click(By.cssSelector("form button[type=submit]"));
  }

  /** A string as an XPath literal, whatever quotes it holds. */
  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  void click(By by) {
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).until(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) {
        return false;
      }
      script("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      return true;
    });
  }

  <T> T until(Function<WebDriver, T> condition) {
    return wait.ignoring(StaleElementReferenceException.class).until(condition);
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Screenshots that follow are numbered from 1 under this test's name. */
  void startStep(String testName) {
    test = testName;
    step = 0;
  }

  /** A screenshot (and the page's HTML, to read what the browser saw) named after the step. */
  Path screenshot(String name) {
    step++;
    String file = String.format("%s-%s-%02d-%s", prefix, test, step, name);
    try {
      Path png = SCREENSHOTS.resolve(file + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(file + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
