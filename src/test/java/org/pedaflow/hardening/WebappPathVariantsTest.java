package org.pedaflow.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pedaflow.test.PedaflowIntegrationTest;
import org.pedaflow.test.WebappSession;

/**
 * {@code WebappAccessFilter} reads the raw URL. Written otherwise (a path parameter, a
 * percent-encoded letter, a doubled slash, a dot segment), the URL of a Cockpit or Admin API does not
 * reach it either: the webapps' API resolves such paths to nothing, so a teacher logged in to
 * Tasklist never gets the data (a review's question, answered here once and for all).
 */
class WebappPathVariantsTest extends PedaflowIntegrationTest {

  @Test
  void aTeacherIsRefusedTheCockpitAndAdminApisHoweverTheUrlIsWritten() {
    WebappSession claire = new WebappSession(baseUrl());
    claire.login("tasklist", "claire");
    for (String path : List.of(
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/cockpit;x=1/plugin/base/default/process-definition/statistics",
        "/camunda/api/%63ockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api//cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/engine/../cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/admin;x=1/plugin/adminPlugins/default/metrics/aggregated?subscriptionStartDate=2026-01-01T00:00:00.000%2B0000&groupBy=year&metrics=process-instances",
        "/camunda/api/%61dmin/plugin/adminPlugins/default/metrics/aggregated?subscriptionStartDate=2026-01-01T00:00:00.000%2B0000&groupBy=year&metrics=process-instances")) {
      // the plain URL meets Pedaflow's filter (403); the others do not reach a resource at all (404)
      assertThat(claire.get(path).status()).as(path).isIn(403, 404);
    }
  }
}
