package org.pedaflow.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Turns what a model says ({@code mailTo}) into addresses: an e-mail address as it is, a user id
 * through the identity service, {@code group:<id>} for every member of the group. The look-up runs
 * without the caller's authorizations: a teacher completing a task may trigger a mail to finance.
 */
@Component
public class Recipients {

  static final String GROUP_PREFIX = "group:";

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  public Recipients(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  public List<Recipient> resolve(String mailTo) {
    if (mailTo == null || mailTo.isBlank()) {
      throw new IllegalArgumentException("Destinataire du courriel absent (mailTo)");
    }
    String target = mailTo.strip();
    if (target.contains("@") && !target.startsWith(GROUP_PREFIX)) {
      return List.of(new Recipient(target, ""));
    }
    return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext ->
        commandContext.runWithoutAuthorization(() -> lookUp(target)));
  }

  private List<Recipient> lookUp(String target) {
    List<User> users = target.startsWith(GROUP_PREFIX)
        ? identityService.createUserQuery().memberOfGroup(target.substring(GROUP_PREFIX.length())).list()
        : identityService.createUserQuery().userId(target).list();
    if (users.isEmpty()) {
      throw new IllegalArgumentException("Destinataire inconnu : « " + target + " »");
    }
    List<Recipient> recipients = new ArrayList<>();
    for (User user : users) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        recipients.add(new Recipient(user.getEmail(), fullName(user)));
      }
    }
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("Aucune adresse électronique connue pour « " + target + " »");
    }
    return recipients;
  }

  /** « Prénom Nom » of a user, or the id when the directory has no name. */
  public static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  /** The display name of a user id, for templates (« Inès Martin »); the id itself if unknown. */
  public String displayName(String userId) {
    if (userId == null) {
      return "";
    }
    User user = engineConfiguration.getCommandExecutorTxRequired().execute(commandContext ->
        commandContext.runWithoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult()));
    return user == null ? userId : fullName(user);
  }
}
