package org.pedaflow.onboarding;

import java.time.LocalDate;

/**
 * Enrols a new teacher in a training session of the learning management system. The default
 * implementation ({@link RecordedLmsEnrolment}) records the enrolment in Pedaflow's database; a
 * connector to the real LMS can replace it by declaring another bean of this type as
 * {@code @Primary}.
 *
 * <p>Implementations must be idempotent per {@link Request#enrolmentKey()}: the service task is
 * retried after a failure, and a retry returns the enrolment made the first time instead of
 * enrolling the teacher a second time.
 */
public interface LmsEnrolment {

  Enrolment enrol(Request request);

  /** Who is to be enrolled, and the key that makes a retry recognisable. */
  record Request(String enrolmentKey, String businessKey, String teacherId, String teacherName, String teacherEmail,
      String lmsExperience) {}

  /** The enrolment made: its number and the session the teacher attends. */
  record Enrolment(String enrolmentNumber, String sessionTitle, LocalDate sessionDate, String sessionHours,
      String sessionLocation) {}
}
