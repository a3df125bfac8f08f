package org.pedaflow.identity;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.pedaflow.platform.PedaflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of SPEC §2, the administrator and, in profile {@code demo}, the demo users:
 * only what is missing, and nothing at all when the identity service is read-only (LDAP). Outside
 * the demo profile, the demo accounts a pilot left in the database are deleted (their password is
 * their login), and the administrator is unlocked at each start: ten wrong passwords lock an
 * account until an administrator unlocks it, and a restart must not leave nobody able to.
 */
@Component
public class UsersAndGroups {

  private static final Logger LOG = LoggerFactory.getLogger(UsersAndGroups.class);

  private final IdentityService identityService;
  private final PedaflowProperties properties;
  private final boolean demo;

  public UsersAndGroups(IdentityService identityService, PedaflowProperties properties, Environment environment) {
    this.identityService = identityService;
    this.properties = properties;
    this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    if (properties.isDemoUsers() && !demo) {
      LOG.warn("pedaflow.demo-users ignoré : les comptes de démonstration n'existent qu'avec le profil demo");
    }
  }

  /** The demo accounts exist only with the demo profile (which sets {@code pedaflow.demo-users}). */
  private boolean demoUsers() {
    return demo && properties.isDemoUsers();
  }

  /** Refuses to start without an administrator outside the demo profile. */
  public void checkAdministratorConfigured() {
    if (demoUsers() || identityService.isReadOnly()) {
      return;
    }
    if (isBlank(properties.getAdmin().getId()) || isBlank(properties.getAdmin().getPassword())) {
      throw new IllegalStateException("Pedaflow ne peut pas démarrer : définissez les variables d'environnement "
          + "PEDAFLOW_ADMIN_ID et PEDAFLOW_ADMIN_PASSWORD (identifiant et mot de passe de l'administrateur), "
          + "ou lancez le profil de démonstration (-Dspring-boot.run.profiles=demo).");
    }
  }

  public void createMissing() {
    if (identityService.isReadOnly()) {
      LOG.info("Annuaire en lecture seule (LDAP) : utilisateurs et groupes non créés");
      return;
    }
    for (Map.Entry<String, String> group : Groups.NAMES.entrySet()) {
      createGroupIfMissing(group.getKey(), group.getValue());
    }
    if (!demoUsers()) {
      deleteDemoAccounts();
    }
    if (!isBlank(properties.getAdmin().getId()) && !isBlank(properties.getAdmin().getPassword())) {
      String email = isBlank(properties.getAdmin().getEmail()) ? null : properties.getAdmin().getEmail().strip();
      createUserIfMissing(properties.getAdmin().getId(), properties.getAdmin().getPassword(), "Administrateur", "Pedaflow",
          email, Groups.ADMINS);
      identityService.unlockUser(properties.getAdmin().getId());
      applyAdministratorPassword(properties.getAdmin().getId(), properties.getAdmin().getPassword());
      User admin = identityService.createUserQuery().userId(properties.getAdmin().getId()).singleResult();
      if (!demoUsers() && identityService.getPasswordPolicy() != null // null: the policy switched off
          && !identityService.checkPasswordAgainstPolicy(properties.getAdmin().getPassword(), admin).isValid()) {
        LOG.warn("Le mot de passe de PEDAFLOW_ADMIN_PASSWORD est faible : la politique que Admin impose aux autres "
            + "comptes demande au moins 10 caractères, dont une majuscule, une minuscule, un chiffre et un caractère spécial");
      }
      if (email != null && !email.equals(admin.getEmail())) {
        admin.setEmail(email);
        identityService.saveUser(admin);
        LOG.info("Adresse de l'administrateur {} : {}", admin.getId(), email);
      }
    }
    if (demoUsers()) {
      for (DemoUsers.DemoUser user : DemoUsers.ALL) {
        createUserIfMissing(user.id(), user.id(), user.firstName(), user.lastName(), user.email(), user.group());
      }
    }
  }

  /**
   * The environment is where the administrator's password lives: a new {@code PEDAFLOW_ADMIN_PASSWORD}
   * replaces the old one at the next start (a rotation after a leak, or an account of the same id
   * left from a pilot). A password changed in Admin for this account lasts until the next start.
   */
  private void applyAdministratorPassword(String id, String password) {
    if (identityService.checkPassword(id, password)) {
      return;
    }
    User admin = identityService.createUserQuery().userId(id).singleResult();
    admin.setPassword(password);
    saveOwnAccount(admin);
    identityService.unlockUser(id); // the check above counted as a failed login
    LOG.warn("Mot de passe de l'administrateur {} remplacé par celui de PEDAFLOW_ADMIN_PASSWORD", id);
  }

  /**
   * Saves one of the application's own accounts (the demo users, the administrator of the
   * environment) without Camunda's password policy, which is for the passwords people set in Admin.
   */
  private void saveOwnAccount(User user) {
    if (identityService instanceof org.camunda.bpm.engine.impl.IdentityServiceImpl engineIdentity) {
      engineIdentity.saveUser(user, true);
    } else {
      identityService.saveUser(user);
    }
  }

  /** The demo accounts: a demo login whose address is still the demo's ({@code <id>@univ.example}). */
  private void deleteDemoAccounts() {
    for (DemoUsers.DemoUser demoUser : DemoUsers.ALL) {
      User user = identityService.createUserQuery().userId(demoUser.id()).singleResult();
      if (user != null && demoUser.email().equalsIgnoreCase(user.getEmail())) {
        identityService.deleteUser(demoUser.id());
        LOG.warn("Compte de démonstration « {} » supprimé : le profil demo n'est pas actif", demoUser.id());
      }
    }
  }

  private void createGroupIfMissing(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType("WORKFLOW");
    identityService.saveGroup(group);
    LOG.info("Groupe créé : {} ({})", id, name);
  }

  private void createUserIfMissing(String id, String password, String firstName, String lastName, String email, String groupId) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(password);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      saveOwnAccount(user);
      LOG.info("Utilisateur créé : {}", id);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(id, groupId);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
