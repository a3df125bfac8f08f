package org.pedaflow.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index on the tasks' tenant and due date ({@code PEDAFLOW_IDX_TASK_DUE}), created once the
 * engine's schema is there. Every person's Tasklist counts « En retard » (due before now) at each
 * refresh; the engine's schema has no index on {@code ACT_RU_TASK.DUE_DATE_}, so each count read every
 * open task. With the index it reads the overdue ones only. The tenant comes first because the
 * engine's query always says {@code TENANT_ID_ is null} (Pedaflow has no tenants): an index on the due
 * date alone loses, on H2, to the engine's index on the tenant, which H2 believes selective.
 *
 * <p>Created if missing, on H2 and PostgreSQL alike; a node that finds it created by another node at
 * the same moment goes on. It only makes a query faster: if the database refuses it (a user without
 * the right to create indexes), a warning says so and Pedaflow starts without it.
 */
@Component
public class OverdueTasksIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "PEDAFLOW_IDX_TASK_DUE";

  private static final Logger LOG = LoggerFactory.getLogger(OverdueTasksIndex.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    try (Connection connection = configuration.getDataSource().getConnection()) {
      if (TaskTableIndexes.has(connection, configuration.getDatabaseTablePrefix(), NAME)) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + table + " (TENANT_ID_, DUE_DATE_)");
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        LOG.info("Index {} créé sur {} (TENANT_ID_, DUE_DATE_) : le filtre « En retard » ne lit plus que les tâches en retard",
            NAME, table);
      } catch (SQLException e) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        // not created by another node at the same moment either
        if (!TaskTableIndexes.has(connection, configuration.getDatabaseTablePrefix(), NAME)) {
          LOG.warn("Index {} non créé sur {} ({}) : le filtre « En retard » lira toutes les tâches ouvertes",
              NAME, table, e.getMessage());
        }
      }
    } catch (SQLException e) {
      LOG.warn("Index {} non vérifié ({}) : le filtre « En retard » lira peut-être toutes les tâches ouvertes",
          NAME, e.getMessage());
    }
  }
}
