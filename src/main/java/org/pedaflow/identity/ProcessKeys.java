package org.pedaflow.identity;

/** The process and decision keys that the authorizations name (SPEC §3). */
public final class ProcessKeys {

  public static final String TEACHER_ONBOARDING = "teacher-onboarding";
  public static final String HYBRID_COURSE_LABELLING = "hybrid-course-labelling";
  public static final String LEARNING_LAB_PURCHASE = "learning-lab-purchase";
  public static final String HYBRID_LABEL_ELIGIBILITY = "hybrid-label-eligibility";
  public static final String PURCHASE_APPROVAL_LEVEL = "purchase-approval-level";

  private ProcessKeys() {}
}
