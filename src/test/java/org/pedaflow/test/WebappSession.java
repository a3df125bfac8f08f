package org.pedaflow.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session on the Camunda webapps: cookies, the CSRF token, the login form of an
 * application, then calls to the webapps' API as Tasklist, Cockpit or Admin make them.
 */
public final class WebappSession {

  /** A resource of the Admin webapp's own API that exists in Camunda 7.24 CE (the usage metrics of its « System » page). */
  public static final String ADMIN_API = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
      + "?subscriptionStartDate=2026-01-01T00:00:00.000%2B0000&groupBy=year&metrics=process-instances";

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;

  public WebappSession(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Opens an application page, which hands out the session and the CSRF cookie. */
  public Api.Response open(String app) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/default/")).GET());
  }

  /** Logs in to one application (tasklist, cockpit, admin) with the demo password. */
  public Api.Response login(String app, String user) {
    return login(app, user, user);
  }

  public Api.Response login(String app, String user, String password) {
    // the CSRF token belongs to the session, which every login renews: fetch a fresh one
    open("tasklist");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Api.Response response = send(withCsrf(HttpRequest.newBuilder(
            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (response.status() == 200) {
      // the login renewed the session: take the token of the new one, as the webapps do
      get("/camunda/api/engine/engine/");
    }
    return response;
  }

  /** GET on the webapps' API, e.g. {@code /camunda/api/engine/engine/default/task}. */
  public Api.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
  }

  /** POST of JSON on the webapps' API, with the CSRF header unless {@code withCsrf} is false. */
  public Api.Response postJson(String path, String json, boolean withCsrf) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    return send(withCsrf ? withCsrf(request) : request);
  }

  /** PUT of JSON on the webapps' API, with the CSRF header (Tasklist saving a task's dates). */
  public Api.Response putJson(String path, String json) {
    return send(withCsrf(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))));
  }

  public String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
    String token = csrfToken();
    return token == null ? request : request.header("X-XSRF-TOKEN", token);
  }

  private Api.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Api.Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
