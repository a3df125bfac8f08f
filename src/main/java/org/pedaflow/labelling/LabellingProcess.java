package org.pedaflow.labelling;

import org.pedaflow.identity.ProcessKeys;

/**
 * The identifiers of {@code hybrid-course-labelling} (SPEC §3.2) that code relies on:
 * process key, task keys, variable names and enum values. Nothing here is shown to a person.
 */
public final class LabellingProcess {

  public static final String PROCESS_KEY = ProcessKeys.HYBRID_COURSE_LABELLING;
  public static final String DECISION_KEY = ProcessKeys.HYBRID_LABEL_ELIGIBILITY;

  /** After this many revision rounds the next review may only approve or reject. */
  public static final int MAX_REVISION_ROUNDS = 3;
  /** A label is valid for this many years from the committee's decision. */
  public static final int LABEL_VALIDITY_YEARS = 3;

  public static final class Tasks {
    public static final String REVIEW_PEDAGOGICAL_DESIGN = "ReviewPedagogicalDesign";
    public static final String REVISE_COURSE = "ReviseCourse";
    public static final String DECIDE_LABEL = "DecideLabel";
    private Tasks() {}
  }

  public static final class Activities {
    public static final String CHECK_ELIGIBILITY = "CheckEligibility";
    public static final String NOTIFY_INELIGIBLE = "NotifyIneligible";
    public static final String NOTIFY_REVISION_REQUESTED = "NotifyRevisionRequested";
    public static final String NOTIFY_APPLICATION_ABANDONED = "NotifyApplicationAbandoned";
    public static final String ISSUE_LABEL = "IssueLabel";
    public static final String NOTIFY_LABEL_GRANTED = "NotifyLabelGranted";
    public static final String NOTIFY_LABEL_REFUSED = "NotifyLabelRefused";
    public static final String REVISION_TIMEOUT = "Event_RevisionTimeout";
    private Activities() {}
  }

  public static final class EndEvents {
    public static final String COURSE_INELIGIBLE = "CourseIneligible";
    public static final String APPLICATION_ABANDONED = "ApplicationAbandoned";
    public static final String LABEL_GRANTED = "LabelGranted";
    public static final String LABEL_REFUSED = "LabelRefused";
    private EndEvents() {}
  }

  public static final class Variables {
    // start
    public static final String TEACHER_ID = "teacherId";
    public static final String COURSE_TITLE = "courseTitle";
    public static final String COURSE_CODE = "courseCode";
    public static final String PROGRAM = "program";
    public static final String ECTS = "ects";
    public static final String DISTANCE_SHARE_PERCENT = "distanceSharePercent";
    public static final String LMS_COURSE_URL = "lmsCourseUrl";
    // CheckEligibility
    public static final String ELIGIBLE = "eligible";
    public static final String ELIGIBILITY_REASON = "eligibilityReason";
    // ReviewPedagogicalDesign
    public static final String SCORE_ALIGNMENT = "scoreAlignment";
    public static final String SCORE_ACTIVITIES = "scoreActivities";
    public static final String SCORE_ASSESSMENT = "scoreAssessment";
    public static final String SCORE_ACCESSIBILITY = "scoreAccessibility";
    public static final String RECOMMENDATION = "recommendation";
    public static final String REVIEW_COMMENTS = "reviewComments";
    // ReviseCourse
    public static final String REVISION_NOTES = "revisionNotes";
    /** Completed revision rounds (Integer), kept by {@link RevisionRoundRecorder}. */
    public static final String REVISION_COUNT = "revisionCount";
    /** Readable record of every revision round (String, Markdown), kept by {@link RevisionRoundRecorder}. */
    public static final String REVISION_HISTORY = "revisionHistory";
    // DecideLabel
    public static final String LABEL_DECISION = "labelDecision";
    public static final String DECISION_COMMENTS = "decisionComments";
    // IssueLabel
    public static final String LABEL_NUMBER = "labelNumber";
    public static final String LABEL_VALID_UNTIL = "labelValidUntil";
    private Variables() {}
  }

  public static final class Recommendation {
    public static final String APPROVE = "approve";
    public static final String REVISE = "revise";
    public static final String REJECT = "reject";
    private Recommendation() {}
  }

  public static final class LabelDecision {
    public static final String GRANTED = "granted";
    public static final String REFUSED = "refused";
    private LabelDecision() {}
  }

  private LabellingProcess() {}
}
