-- LMS training enrolments of teacher-onboarding (default LmsEnrolment): one per instance, so that
-- a retried EnrolInLmsTraining job never enrols the teacher twice.
CREATE TABLE IF NOT EXISTS onboarding_lms_enrolment (
  enrolment_key    VARCHAR(64)  NOT NULL PRIMARY KEY,
  enrolment_number VARCHAR(64)  NOT NULL,
  business_key     VARCHAR(32),
  teacher_id       VARCHAR(128) NOT NULL,
  teacher_email    VARCHAR(320) NOT NULL,
  session_title    VARCHAR(200) NOT NULL,
  session_date     DATE         NOT NULL,
  session_hours    VARCHAR(40)  NOT NULL,
  session_location VARCHAR(200) NOT NULL,
  enrolled_at      TIMESTAMP    NOT NULL
);
