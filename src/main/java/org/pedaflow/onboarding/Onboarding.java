package org.pedaflow.onboarding;

import org.pedaflow.identity.ProcessKeys;

/** The identifiers of {@code teacher-onboarding} (SPEC §3.1) that the code relies on, in one place. */
public final class Onboarding {

  public static final String PROCESS_KEY = ProcessKeys.TEACHER_ONBOARDING;

  /** Task keys, the ids of the model's activities. */
  public static final class Tasks {
    public static final String SEND_WELCOME_EMAIL = "SendWelcomeEmail";
    public static final String ASSIGN_MENTOR = "AssignMentor";
    public static final String COMPLETE_NEEDS_QUESTIONNAIRE = "CompleteNeedsQuestionnaire";
    public static final String SEND_QUESTIONNAIRE_REMINDER = "SendQuestionnaireReminder";
    public static final String HOLD_WELCOME_MEETING = "HoldWelcomeMeeting";
    public static final String ENROL_IN_LMS_TRAINING = "EnrolInLmsTraining";
    public static final String RATE_ONBOARDING = "RateOnboarding";
    /** The non-interrupting timer on the questionnaire. */
    public static final String QUESTIONNAIRE_REMINDER_TIMER = "Event_QuestionnaireOverdue";
    public static final String TEACHER_WELCOMED = "TeacherWelcomed";

    private Tasks() {}
  }

  /** Process variables. */
  public static final class Vars {
    // start (HR)
    public static final String TEACHER_ID = "teacherId";
    public static final String TEACHER_NAME = "teacherName";
    public static final String TEACHER_EMAIL = "teacherEmail";
    public static final String DEPARTMENT = "department";
    public static final String STATUS = "status";
    public static final String START_DATE = "startDate";
    public static final String NEEDS_LMS_TRAINING = "needsLmsTraining";
    // AssignMentor
    public static final String MENTOR_ID = "mentorId";
    /** Derived from mentorId for the e-mails (« Inès Lefèvre »). */
    public static final String MENTOR_NAME = "mentorName";
    // CompleteNeedsQuestionnaire
    public static final String LMS_EXPERIENCE = "lmsExperience";
    public static final String INTERESTS = "interests";
    public static final String WANTS_LABEL_SUPPORT = "wantsLabelSupport";
    // HoldWelcomeMeeting
    public static final String MEETING_DATE = "meetingDate";
    public static final String TRAINING_PLAN = "trainingPlan";
    public static final String ENROL_IN_LMS_TRAINING = "enrolInLmsTraining";
    // EnrolInLmsTraining (set by the service task)
    public static final String LMS_ENROLMENT_NUMBER = "lmsEnrolmentNumber";
    public static final String LMS_SESSION_TITLE = "lmsSessionTitle";
    public static final String LMS_SESSION_DATE = "lmsSessionDate";
    public static final String LMS_SESSION_LOCATION = "lmsSessionLocation";
    // RateOnboarding
    public static final String SATISFACTION = "satisfaction";
    public static final String SATISFACTION_COMMENT = "satisfactionComment";

    private Vars() {}
  }

  /** Allowed values of the enumerated variables. */
  public static final class Values {
    public static final String[] STATUSES = {"titulaire", "contractuel", "vacataire"};
    public static final String[] LMS_EXPERIENCES = {"none", "basic", "advanced"};
    public static final String[] INTERESTS = {"hybrid", "assessment", "accessibility", "flipped-classroom"};

    private Values() {}
  }

  /** Mail templates of {@code templates/mail/}. */
  public static final class Mails {
    public static final String WELCOME = "onboarding-welcome";
    public static final String QUESTIONNAIRE_REMINDER = "onboarding-questionnaire-reminder";
    public static final String LMS_TRAINING = "onboarding-lms-training";

    private Mails() {}
  }

  /** Key of the reminder cycle under {@code pedaflow.timers} (default {@code R2/P7D}). */
  public static final String QUESTIONNAIRE_REMINDER_TIMER_KEY = "onboarding.questionnaire-reminder";

  private Onboarding() {}
}
