package org.pedaflow.labelling;

import java.time.LocalDate;

/** One row of the label register: a label granted by the committee to a course. */
public record RegisteredLabel(
    String labelNumber,
    String processInstanceId,
    String businessKey,
    String courseCode,
    String courseTitle,
    String program,
    String teacherId,
    LocalDate grantedOn,
    LocalDate validUntil) {
}
