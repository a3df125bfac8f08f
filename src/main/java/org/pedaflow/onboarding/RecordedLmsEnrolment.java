package org.pedaflow.onboarding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default {@link LmsEnrolment}: enrols the teacher in the next weekly session of the training
 * that suits their LMS experience and records it in {@code onboarding_lms_enrolment}.
 *
 * <p>The record is written in a transaction of its own, as a real LMS would keep it: when the job
 * fails afterwards (the mail server is down), the retry finds the enrolment and does not make a
 * second one.
 */
@Component
public class RecordedLmsEnrolment implements LmsEnrolment {

  private static final Logger LOG = LoggerFactory.getLogger(RecordedLmsEnrolment.class);

  /** Sessions take place every Wednesday morning, at least a week after the enrolment. */
  static final DayOfWeek SESSION_DAY = DayOfWeek.WEDNESDAY;
  static final String SESSION_HOURS = "9 h à 12 h";
  static final String SESSION_LOCATION = "Learning lab du service d'appui pédagogique (ou à distance sur demande)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public RecordedLmsEnrolment(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public Enrolment enrol(Request request) {
    Enrolment existing = find(request.enrolmentKey());
    if (existing != null) {
      LOG.info("{} : {} déjà inscrit à la formation au LMS ({}), pas de seconde inscription", request.businessKey(),
          request.teacherId(), existing.enrolmentNumber());
      return existing;
    }
    Enrolment enrolment = new Enrolment(enrolmentNumber(request), sessionTitle(request.lmsExperience()),
        nextSessionDate(), SESSION_HOURS, SESSION_LOCATION);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO onboarding_lms_enrolment (enrolment_key, enrolment_number, business_key, teacher_id, teacher_email,"
              + " session_title, session_date, session_hours, session_location, enrolled_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
          request.enrolmentKey(), enrolment.enrolmentNumber(), request.businessKey(), request.teacherId(),
          request.teacherEmail(), enrolment.sessionTitle(), java.sql.Date.valueOf(enrolment.sessionDate()),
          enrolment.sessionHours(), enrolment.sessionLocation()));
    } catch (DuplicateKeyException enrolledMeanwhile) {
      return find(request.enrolmentKey());
    }
    LOG.info("{} : {} inscrit à la session « {} » du {} ({})", request.businessKey(), request.teacherId(),
        enrolment.sessionTitle(), enrolment.sessionDate(), enrolment.enrolmentNumber());
    return enrolment;
  }

  private Enrolment find(String enrolmentKey) {
    // an ordinary read in the caller's transaction: it sees every enrolment already committed
    List<Enrolment> found = jdbc.query(
        "SELECT enrolment_number, session_title, session_date, session_hours, session_location"
            + " FROM onboarding_lms_enrolment WHERE enrolment_key = ?",
        (row, i) -> new Enrolment(row.getString(1), row.getString(2), row.getDate(3).toLocalDate(), row.getString(4),
            row.getString(5)),
        enrolmentKey);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String enrolmentNumber(Request request) {
    return "LMS-" + (request.businessKey() != null ? request.businessKey() : request.enrolmentKey());
  }

  /** The training that suits the teacher's experience of the LMS (questionnaire answer). */
  static String sessionTitle(String lmsExperience) {
    if ("advanced".equals(lmsExperience)) {
      return "Parcours, tests et suivi des apprentissages dans le LMS (niveau avancé)";
    }
    if ("basic".equals(lmsExperience)) {
      return "Concevoir des activités en ligne dans le LMS (niveau intermédiaire)";
    }
    return "Prise en main de la plateforme pédagogique (LMS), niveau débutant";
  }

  /** The first session day at least seven days from today (engine clock). */
  static LocalDate nextSessionDate() {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    return today.plusDays(7).with(TemporalAdjusters.nextOrSame(SESSION_DAY));
  }
}
