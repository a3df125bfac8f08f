package org.pedaflow.labelling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The register of granted labels (table {@code labelling_label_register}, {@code db/labelling.sql}).
 * It is the unit's record, independent of the engine: it outlives the process instance and its history.
 * Writes join the engine's transaction, so a label is registered exactly when its instance moves on.
 */
@Repository
public class LabelRegister {

  private static final String COLUMNS = "label_number, process_instance_id, business_key, course_code, "
      + "course_title, program, teacher_id, granted_on, valid_until";

  private final JdbcTemplate jdbc;

  public LabelRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<RegisteredLabel> findByProcessInstance(String processInstanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM labelling_label_register WHERE process_instance_id = ?",
        LabelRegister::toLabel, processInstanceId).stream().findFirst();
  }

  public void add(RegisteredLabel label) {
    jdbc.update("INSERT INTO labelling_label_register (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        label.labelNumber(), label.processInstanceId(), label.businessKey(), label.courseCode(),
        label.courseTitle(), label.program(), label.teacherId(), label.grantedOn(), label.validUntil());
  }

  /** Labels still valid on {@code day}, the most recent first. */
  public List<RegisteredLabel> validOn(LocalDate day) {
    return jdbc.query("SELECT " + COLUMNS + " FROM labelling_label_register WHERE valid_until >= ? "
        + "ORDER BY granted_on DESC, label_number DESC", LabelRegister::toLabel, day);
  }

  private static RegisteredLabel toLabel(ResultSet row, int rowNumber) throws SQLException {
    return new RegisteredLabel(
        row.getString("label_number"),
        row.getString("process_instance_id"),
        row.getString("business_key"),
        row.getString("course_code"),
        row.getString("course_title"),
        row.getString("program"),
        row.getString("teacher_id"),
        row.getObject("granted_on", LocalDate.class),
        row.getObject("valid_until", LocalDate.class));
  }
}
