package org.pedaflow.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.pedaflow.identity.Directory;
import org.springframework.stereotype.Component;

/**
 * Turns what a model says ({@code mailTo}) into addresses: an e-mail address as it is, a user id
 * through the directory, {@code group:<id>} for every member of the group.
 */
@Component
public class Recipients {

  static final String GROUP_PREFIX = "group:";

  private final Directory directory;

  public Recipients(Directory directory) {
    this.directory = directory;
  }

  public List<Recipient> resolve(String mailTo) {
    if (mailTo == null || mailTo.isBlank()) {
      throw new IllegalArgumentException("Destinataire du courriel absent (mailTo)");
    }
    String target = mailTo.strip();
    if (target.contains("@") && !target.startsWith(GROUP_PREFIX)) {
      return List.of(new Recipient(target, ""));
    }
    List<User> users;
    if (target.startsWith(GROUP_PREFIX)) {
      users = directory.membersOf(target.substring(GROUP_PREFIX.length()));
    } else {
      User user = directory.user(target);
      users = user == null ? List.of() : List.of(user);
    }
    if (users.isEmpty()) {
      throw new IllegalArgumentException("Destinataire inconnu : « " + target + " »");
    }
    List<Recipient> recipients = new ArrayList<>();
    for (User user : users) {
      if (user.getEmail() != null && !user.getEmail().isBlank()) {
        recipients.add(new Recipient(user.getEmail(), Directory.fullName(user)));
      }
    }
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("Aucune adresse électronique connue pour « " + target + " »");
    }
    return recipients;
  }
}
