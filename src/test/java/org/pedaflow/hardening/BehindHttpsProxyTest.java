package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pedaflow.resilience.ApplicationProcess;

/**
 * The settings the README gives for running behind an HTTPS reverse proxy (Configuration, « behind
 * HTTPS »), on the application as an operator starts it (a JVM of its own, webapps on): the proxy's
 * {@code X-Forwarded-Proto: https} is trusted, the webapps' cookies are marked {@code Secure} and
 * browsers are told to use HTTPS only (HSTS).
 */
class BehindHttpsProxyTest {

  @Test
  void behindAnHttpsProxyTheCookiesAreSecureAndHstsIsSent(@TempDir Path dataDir) throws Exception {
    try (ApplicationProcess app = ApplicationProcess.start(dataDir, "https.log",
        "--camunda.bpm.webapp.enabled=true",
        "--camunda.bpm.webapp.session-cookie.enable-secure-cookie=true",
        "--camunda.bpm.webapp.csrf.enable-secure-cookie=true",
        "--camunda.bpm.webapp.header-security.hsts-disabled=false",
        "--server.forward-headers-strategy=native")) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/camunda/app/tasklist/default/"))
          .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").GET().build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(page.statusCode()).as(app.logTail()).isEqualTo(200);
      assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
          hsts -> assertThat(hsts).contains("max-age="));
      List<String> cookies = page.headers().allValues("Set-Cookie");
      assertThat(cookies).anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
          .anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="))
          .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }
  }
}
