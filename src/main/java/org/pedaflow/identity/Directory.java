package org.pedaflow.identity;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The university directory as the processes need it: does a user exist, is she in a group, what is
 * her name, who are the members of a group. The look-ups run without the caller's authorizations:
 * a teacher completing a task may trigger a check or a mail about a colleague she may not list.
 */
@Component
public class Directory {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  public Directory(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  public boolean userExists(String userId) {
    return withoutAuthorization(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  public boolean isMember(String userId, String groupId) {
    return withoutAuthorization(() -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  /** The user, or null when the directory does not know the id. */
  public User user(String userId) {
    return withoutAuthorization(() -> identityService.createUserQuery().userId(userId).singleResult());
  }

  public List<User> membersOf(String groupId) {
    return withoutAuthorization(() -> identityService.createUserQuery().memberOfGroup(groupId).list());
  }

  /** « Prénom Nom » of a user id; the id itself when the directory has no name for it. */
  public String displayName(String userId) {
    if (userId == null) {
      return "";
    }
    User user = user(userId);
    return user == null ? userId : fullName(user);
  }

  /** « Prénom Nom » of a user, or the id when the directory has no name. */
  public static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  private <T> T withoutAuthorization(Supplier<T> query) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext ->
        commandContext.runWithoutAuthorization(query::get));
  }
}
