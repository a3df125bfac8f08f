package org.pedaflow.labelling;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public catalogue of labelled courses: {@code GET /api/labels}, read-only, no login.
 * It lists the labels still valid today and never a teacher's name, login or e-mail address.
 */
@RestController
public class LabelCatalogueController {

  /** What the catalogue shows of a label. */
  public record PublicLabel(String labelNumber, String courseCode, String courseTitle, String program,
                LocalDate grantedOn, LocalDate validUntil) {

    static PublicLabel of(RegisteredLabel label) {
      return new PublicLabel(label.labelNumber(), label.courseCode(), label.courseTitle(), label.program(),
          label.grantedOn(), label.validUntil());
    }
  }

  private final LabelRegister register;

  public LabelCatalogueController(LabelRegister register) {
    this.register = register;
  }

  @GetMapping("/api/labels")
  public List<PublicLabel> validLabels() {
    LocalDate today = EngineClock.today();
    return register.validOn(today).stream().map(PublicLabel::of).toList();
  }
}
