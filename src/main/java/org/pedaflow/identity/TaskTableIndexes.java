package org.pedaflow.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The indexes of the engine's task table, in the connection's own catalog and schema. */
final class TaskTableIndexes {

  private TaskTableIndexes() {}

  /** Whether {@code ACT_RU_TASK} (after the engine's table prefix) has the index of that name. */
  static boolean has(Connection connection, String tablePrefix, String index) throws SQLException {
    String table = tablePrefix + "ACT_RU_TASK";
    // H2 keeps the names as the engine wrote them; PostgreSQL folds them to lower case
    for (String name : new String[] {table, table.toLowerCase()}) {
      try (ResultSet indexes = connection.getMetaData().getIndexInfo(connection.getCatalog(), connection.getSchema(),
          name, false, true)) {
        while (indexes.next()) {
          if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
