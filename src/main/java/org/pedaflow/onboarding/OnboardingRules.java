package org.pedaflow.onboarding;

import org.pedaflow.identity.Groups;
import org.pedaflow.identity.Directory;
import static org.pedaflow.onboarding.Onboarding.Vars.DEPARTMENT;
import static org.pedaflow.onboarding.Onboarding.Vars.ENROL_IN_LMS_TRAINING;
import static org.pedaflow.onboarding.Onboarding.Vars.INTERESTS;
import static org.pedaflow.onboarding.Onboarding.Vars.LMS_EXPERIENCE;
import static org.pedaflow.onboarding.Onboarding.Vars.MEETING_DATE;
import static org.pedaflow.onboarding.Onboarding.Vars.MENTOR_ID;
import static org.pedaflow.onboarding.Onboarding.Vars.MENTOR_NAME;
import static org.pedaflow.onboarding.Onboarding.Vars.NEEDS_LMS_TRAINING;
import static org.pedaflow.onboarding.Onboarding.Vars.SATISFACTION;
import static org.pedaflow.onboarding.Onboarding.Vars.SATISFACTION_COMMENT;
import static org.pedaflow.onboarding.Onboarding.Vars.START_DATE;
import static org.pedaflow.onboarding.Onboarding.Vars.STATUS;
import static org.pedaflow.onboarding.Onboarding.Vars.TEACHER_EMAIL;
import static org.pedaflow.onboarding.Onboarding.Vars.TEACHER_ID;
import static org.pedaflow.onboarding.Onboarding.Vars.TEACHER_NAME;
import static org.pedaflow.onboarding.Onboarding.Vars.TRAINING_PLAN;
import static org.pedaflow.onboarding.Onboarding.Vars.WANTS_LABEL_SUPPORT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pedaflow.notification.FrenchDates;
import org.pedaflow.onboarding.Onboarding.Tasks;
import org.pedaflow.onboarding.Onboarding.Values;
import org.pedaflow.reference.ReferenceType;
import org.pedaflow.rules.Inputs;
import org.pedaflow.rules.ProcessRules;
import org.springframework.stereotype.Component;

/** The server-side rules of {@code teacher-onboarding} (SPEC §3.1), on every way in. */
@Component
public class OnboardingRules implements ProcessRules {

  private final Directory directory;

  OnboardingRules(Directory directory) {
    this.directory = directory;
  }

  @Override
  public String processKey() {
    return Onboarding.PROCESS_KEY;
  }

  @Override
  public ReferenceType businessKeyType() {
    return ReferenceType.ONB;
  }

  @Override
  public Set<String> startVariables() {
    return Set.of(TEACHER_ID, TEACHER_NAME, TEACHER_EMAIL, DEPARTMENT, STATUS, START_DATE, NEEDS_LMS_TRAINING);
  }

  @Override
  public Map<String, Set<String>> completionVariables() {
    return Map.of(
        Tasks.ASSIGN_MENTOR, Set.of(MENTOR_ID),
        Tasks.COMPLETE_NEEDS_QUESTIONNAIRE, Set.of(LMS_EXPERIENCE, INTERESTS, WANTS_LABEL_SUPPORT),
        Tasks.HOLD_WELCOME_MEETING, Set.of(MEETING_DATE, TRAINING_PLAN, ENROL_IN_LMS_TRAINING),
        Tasks.RATE_ONBOARDING, Set.of(SATISFACTION, SATISFACTION_COMMENT));
  }

  /** The mentor's colleagues may hold the welcome meeting in the mentor's place (absence, workload). */
  @Override
  public Set<String> alsoWorkedBy(String taskKey) {
    return Onboarding.Tasks.HOLD_WELCOME_MEETING.equals(taskKey) ? Set.of(Groups.INSTRUCTIONAL_DESIGNERS) : Set.of();
  }

  @Override
  public void checkStart(Inputs in) {
    String teacherId = in.requireText(TEACHER_ID, "Identifiant de l'enseignant");
    if (!directory.userExists(teacherId)) {
      throw in.invalid(TEACHER_ID, "Identifiant de l'enseignant",
          "aucun compte « " + teacherId + " » dans l'annuaire de l'université");
    }
    in.requireText(TEACHER_NAME, "Prénom et nom");
    in.requireEmail(TEACHER_EMAIL, "Adresse électronique");
    in.requireText(DEPARTMENT, "Composante ou département");
    in.requireChoice(STATUS, "Statut", Values.STATUSES);
    LocalDate startDate = in.requireIsoDate(START_DATE, "Date de prise de fonction");
    LocalDate earliest = today().minusYears(1);
    if (startDate.isBefore(earliest)) {
      throw in.invalid(START_DATE, "Date de prise de fonction",
          "la date ne peut pas remonter à plus d'un an (au plus tôt le " + earliest.format(FrenchDates.LONG) + ")");
    }
    in.requireBoolean(NEEDS_LMS_TRAINING, "Formation au LMS à prévoir");
    // Tasklist sends a checklist as a "Json" variable (which this engine, without Spin, refuses)
    // unless a String variable of that name already exists: the questionnaire's answer starts empty.
    if (in.get(INTERESTS) == null) {
      in.set(INTERESTS, "");
    }
  }

  @Override
  public void checkCompletion(String taskKey, Inputs in) {
    switch (taskKey) {
      case Tasks.ASSIGN_MENTOR -> checkMentor(in);
      case Tasks.COMPLETE_NEEDS_QUESTIONNAIRE -> checkQuestionnaire(in);
      case Tasks.HOLD_WELCOME_MEETING -> checkMeeting(in);
      case Tasks.RATE_ONBOARDING -> checkRating(in);
      default -> { }
    }
  }

  private void checkMentor(Inputs in) {
    String mentorId = in.requireText(MENTOR_ID, "Identifiant du mentor");
    if (!directory.isMember(mentorId, Groups.INSTRUCTIONAL_DESIGNERS)) {
      throw in.invalid(MENTOR_ID, "Identifiant du mentor",
          "« " + mentorId + " » n'est pas membre du groupe « Ingénieurs pédagogiques »");
    }
    in.set(MENTOR_NAME, directory.displayName(mentorId));
  }

  private void checkQuestionnaire(Inputs in) {
    in.requireChoice(LMS_EXPERIENCE, "Votre expérience de la plateforme pédagogique (LMS)", Values.LMS_EXPERIENCES);
    Object interests = in.get(INTERESTS);
    if (interests != null && !(interests instanceof CharSequence || interests instanceof Collection<?>
        || interests instanceof Object[])) {
      // a list from the Java API (Spin, another list type): its text form is understood by requireChoices;
      // over REST an untyped JSON array is refused before the engine (VariablesCheckFilter)
      in.set(INTERESTS, interests.toString());
    }
    in.requireChoices(INTERESTS, "Vos centres d'intérêt", Values.INTERESTS);
    in.requireBoolean(WANTS_LABEL_SUPPORT, "Accompagnement vers le label « cours hybride »");
  }

  private void checkMeeting(Inputs in) {
    in.requireIsoDate(MEETING_DATE, "Date de l'entretien");
    in.requireText(TRAINING_PLAN, "Plan de formation");
    in.requireBoolean(ENROL_IN_LMS_TRAINING, "Inscrire l'enseignant à la formation au LMS");
  }

  private void checkRating(Inputs in) {
    in.requireInteger(SATISFACTION, "Satisfaction", 1, 5);
    in.optionalText(SATISFACTION_COMMENT, "Commentaire");
  }

  /** Today on the engine's clock, so that tests moving the clock see the same day as the rules. */
  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
