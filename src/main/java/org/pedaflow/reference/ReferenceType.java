package org.pedaflow.reference;

/** The readable references that Pedaflow hands out: prefix, year, four digits. */
public enum ReferenceType {
  /** Business key of teacher-onboarding. */
  ONB,
  /** Business key of hybrid-course-labelling. */
  HYB,
  /** Business key of learning-lab-purchase. */
  ACH,
  /** Number of a granted label. */
  LABEL,
  /** Number of a purchase order. */
  PO;

  public String prefix() {
    return name();
  }
}
