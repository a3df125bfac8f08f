package org.pedaflow.web;

import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}, without login, for a load balancer or a monitoring probe: 200
 * {@code {"status":"UP"}} when this node answers and reaches its database, 503
 * {@code {"status":"DOWN"}} when it does not. It says nothing else to an anonymous caller; the log
 * says why. (The REST API needs a login, and a probe with a real account would lock it after ten
 * failures.)
 */
@RestController
public class HealthController {

  private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

  private final JdbcTemplate jdbc;

  public HealthController(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setQueryTimeout(5); // a probe's own timeout, not the application's
  }

  @GetMapping("/api/health")
  public ResponseEntity<Map<String, String>> health() {
    try {
      jdbc.queryForObject("SELECT 1", Integer.class);
      return ResponseEntity.ok(Map.of("status", "UP"));
    } catch (DataAccessException unreachable) {
      LOG.warn("Contrôle de santé : base de données injoignable ({})", unreachable.getMostSpecificCause().getMessage());
      return ResponseEntity.status(503).body(Map.of("status", "DOWN"));
    }
  }
}
