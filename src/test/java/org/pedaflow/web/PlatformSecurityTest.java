package org.pedaflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pedaflow.test.Api;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.pedaflow.test.WebappSession;

/** Who gets in: REST behind HTTP Basic, the webapps by application access (SPEC §2). */
class PlatformSecurityTest extends PedaflowIntegrationTest {

  @Test
  void anonymousRestIsRefusedWith401() {
    for (String path : new String[] {"/task", "/process-definition", "/user", "/history/process-instance", "/deployment"}) {
      Api.Response response = anonymousRest().get(path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Basic");
    }
  }

  @Test
  void aWrongPasswordIsRefusedWith401() {
    // a user of its own: wrong passwords delay the next logins of that user
    if (identityService.createUserQuery().userId("forgetful").count() == 0) {
      org.camunda.bpm.engine.identity.User user = identityService.newUser("forgetful");
      user.setPassword("Bon-Mot-de-Passe-2026");
      identityService.saveUser(user);
    }
    assertThat(new Api(baseUrl() + "/engine-rest", "forgetful", "wrong-password").get("/task").status()).isEqualTo(401);
  }

  @Test
  void aTeacherUsesTheRestApiWithinHerAuthorizations() {
    assertThat(rest("claire").get("/task").status()).isEqualTo(200);
    assertThat(rest("claire").get("/authorization").json()).isEmpty();
    Api.Response createUser = rest("claire").post("/user/create",
        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@n.fr\"},\"credentials\":{\"password\":\"x\"}}");
    assertThat(createUser.status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void aTeacherOpensTasklistButNeitherCockpitNorAdmin() {
    WebappSession browser = new WebappSession(baseUrl());

    assertThat(browser.login("cockpit", "claire").status()).isEqualTo(403);
    assertThat(browser.login("admin", "claire").status()).isEqualTo(403);
    Api.Response login = browser.login("tasklist", "claire");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit", "admin");

    assertThat(browser.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
    assertThat(browser.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status())
        .isEqualTo(403);
    assertThat(browser.get(WebappSession.ADMIN_API).status()).isEqualTo(403);
    assertThat(browser.get("/camunda/app/cockpit/default/").status()).isEqualTo(403);
  }

  @Test
  void aDesignerOpensCockpitButNotAdmin() {
    WebappSession browser = new WebappSession(baseUrl());

    assertThat(browser.login("cockpit", "ines").status()).isEqualTo(200);
    assertThat(browser.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status())
        .isEqualTo(200);
    assertThat(browser.login("admin", "ines").status()).isEqualTo(403);
  }

  @Test
  void theAdministratorOpensEverything() {
    WebappSession browser = new WebappSession(baseUrl());
    for (String app : new String[] {"tasklist", "cockpit", "admin"}) {
      assertThat(browser.login(app, "admin").status()).as(app).isEqualTo(200);
    }
    // Admin's own API (the usage metrics of its « System » page): answered, not only let through
    assertThat(browser.get(WebappSession.ADMIN_API).status()).isEqualTo(200);
  }

  @Test
  void webappsSendSecurityHeadersAndSafeCookies() {
    WebappSession browser = new WebappSession(baseUrl());
    Api.Response page = browser.open("tasklist");

    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    String session = page.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").contains("SameSite=Lax");
    assertThat(browser.csrfToken()).isNotBlank();
    // by default the webapps work over plain http://localhost: no Secure cookie, no HSTS (behind an HTTPS
    // proxy the README's settings turn both on: BehindHttpsProxyTest)
    assertThat(session).doesNotContain("Secure");
    assertThat(page.headerValues("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void theWebappsRefuseAChangeWithoutTheCsrfToken() {
    WebappSession browser = new WebappSession(baseUrl());
    browser.login("tasklist", "admin");

    Api.Response withoutToken = browser.postJson("/camunda/api/engine/engine/default/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"pirate\",\"query\":{}}", false);

    assertThat(withoutToken.status()).isEqualTo(403);
  }

  @Test
  void noH2ConsoleIsReachable() {
    assertThat(anonymousRest().get("/../h2-console").status()).isEqualTo(404);
    assertThat(new Api(baseUrl(), null, null).get("/h2-console").status()).isEqualTo(404);
  }
}
