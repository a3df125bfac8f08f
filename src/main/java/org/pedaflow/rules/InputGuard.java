package org.pedaflow.rules;

import static org.pedaflow.platform.EngineCommands.field;
import static org.pedaflow.platform.EngineCommands.read;

import java.lang.reflect.Field;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.pedaflow.identity.Groups;
import org.pedaflow.platform.EngineCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the ways into a process that its rules cannot see, on every way in (REST, Tasklist, Java
 * API), as a command interceptor of the engine (it runs inside the command, before it):
 * <ul>
 *   <li>variables sent with a task ({@code complete}, {@code submit-form}, {@code resolve}, the last
 *       two also when the task was delegated): any the task does not collect
 *       ({@link ProcessRules#completionVariables()}) is refused with a 400 naming it, before the engine
 *       writes them into the instance (a resolve or the submit of a delegated task fires no complete
 *       listener);</li>
 *   <li>writing or removing a task's variables outside its completion ({@code PUT/POST/DELETE
 *       /task/{id}/variables…}, {@code localVariables…}), and a BPMN error or escalation thrown from a
 *       task ({@code /task/{id}/bpmnError}, {@code bpmnEscalation}, which carry variables and, with no
 *       event to catch them, end the step): every person who may work on a task may also update it,
 *       and so could rewrite who requested, the approval level or the mentor, or end a request without
 *       a decision. 403;</li>
 *   <li>changing to whom a task is offered or who owns it ({@code /task/{id}/identity-links} with a
 *       type other than assignee, Tasklist's « groupes » editor, an owner set through
 *       {@code PUT /task/{id}}): the model decides who works on a task ({@link TaskEligibility}), and
 *       an added group or owner would see the task and its variables. 403;</li>
 *   <li>creating or changing an account without the right to: 403 before the engine's password
 *       policy would answer; deleting one's own account, one that a task or a running request still
 *       waits for, or the last member of one of Pedaflow's groups (or removing that member from it):
 *       403; adding a member twice (a double click in Admin) is done once, without the engine's 500;</li>
 *   <li>a start at another step than the start event, or without the processes' own listeners
 *       ({@code startInstructions}, {@code skipCustomListeners}): the engine asks only for the right to
 *       start, which teachers have. 403.</li>
 * </ul>
 * The administrators may (repairs), and so may the application's own code, which calls the engine
 * without an authenticated user for the last two.
 */
final class InputGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(InputGuard.class);

  /** The variables sent with a task, read where the engine keeps them (checked at start-up: an engine upgrade that moves them fails fast). */
  private static final String PURPOSE = "le contrôle des variables transmises";
  private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId", PURPOSE);
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables", PURPOSE);
  private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId", PURPOSE);
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties", PURPOSE);
  private static final String PEOPLE_PURPOSE = "le contrôle des personnes d'une tâche";
  private static final Field ADDED_LINK_TYPE = field(AbstractAddIdentityLinkCmd.class, "type", PEOPLE_PURPOSE);
  private static final Field DELETED_LINK_TYPE = field(DeleteIdentityLinkCmd.class, "type", PEOPLE_PURPOSE);
  private static final Field SAVED_TASK = field(SaveTaskCmd.class, "task", PEOPLE_PURPOSE);
  private static final Field SAVED_USER = field(SaveUserCmd.class, "user", "le contrôle des droits sur les comptes");
  private static final Field SAVED_GROUP = field(SaveGroupCmd.class, "group", "le contrôle des groupes créés");
  private static final Field DELETED_USER = field(DeleteUserCmd.class, "userId", "le contrôle des comptes supprimés");
  private static final String MEMBERSHIP_PURPOSE = "le contrôle des groupes";
  private static final Field ADDED_MEMBER = field(CreateMembershipCmd.class, "userId", MEMBERSHIP_PURPOSE);
  private static final Field ADDED_TO_GROUP = field(CreateMembershipCmd.class, "groupId", MEMBERSHIP_PURPOSE);
  private static final Field REMOVED_MEMBER = field(DeleteMembershipCmd.class, "userId", MEMBERSHIP_PURPOSE);
  private static final Field REMOVED_FROM_GROUP = field(DeleteMembershipCmd.class, "groupId", MEMBERSHIP_PURPOSE);

  /** The variables that name a person a running request still waits for. */
  private static final java.util.List<String> PEOPLE_OF_REQUESTS = java.util.List.of("teacherId", "mentorId", "requesterId");

  static final String TASK_VARIABLES_REFUSED = "Les données d'une tâche se transmettent en la terminant, avec son "
      + "formulaire : seuls les administrateurs peuvent les écrire ou les effacer autrement.";
  static final String TASK_ERROR_REFUSED = "Une tâche se termine avec son formulaire : seuls les administrateurs "
      + "peuvent l'interrompre par une erreur ou une escalade.";
  static final String TASK_PEOPLE_REFUSED = "Seuls les administrateurs peuvent changer à qui une tâche est proposée "
      + "ou qui en est le propriétaire : prenez-la en charge, ou attribuez-la ou déléguez-la à une personne qui peut la traiter.";
  static final String START_ELSEWHERE_REFUSED = "Une demande commence au début de son processus : seuls les "
      + "administrateurs peuvent démarrer une instance à une autre étape ou sans ses règles.";

  private final Function<String, Optional<ProcessRules>> rules;

  private InputGuard(Function<String, Optional<ProcessRules>> rules) {
    this.rules = rules;
  }

  static void install(ProcessEngineConfigurationImpl configuration, Function<String, Optional<ProcessRules>> rules) {
    EngineCommands.addPostInterceptor(configuration, () -> new InputGuard(rules));
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd
        || command instanceof PatchTaskVariablesCmd) {
      refuseUnlessAdministrator(TASK_VARIABLES_REFUSED);
    } else if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      refuseUnlessAdministrator(TASK_ERROR_REFUSED);
    } else if (command instanceof AbstractAddIdentityLinkCmd && !IdentityLinkType.ASSIGNEE.equals(read(ADDED_LINK_TYPE, command))
        || command instanceof DeleteIdentityLinkCmd && !IdentityLinkType.ASSIGNEE.equals(read(DELETED_LINK_TYPE, command))) {
      refuseUnlessAdministrator(TASK_PEOPLE_REFUSED); // candidates and owner; the assignee goes through TaskEligibility
    } else if (command instanceof SaveTaskCmd) {
      refuseOwnerChange((TaskEntity) read(SAVED_TASK, command));
    } else if (command instanceof SaveUserCmd) {
      checkMayWriteUser((org.camunda.bpm.engine.identity.User) read(SAVED_USER, command));
    } else if (command instanceof SaveGroupCmd) {
      refuseExistingGroup((org.camunda.bpm.engine.identity.Group) read(SAVED_GROUP, command));
    } else if (command instanceof DeleteUserCmd) {
      refuseDeletingSomeoneStillNeeded((String) read(DELETED_USER, command));
    } else if (command instanceof DeleteMembershipCmd) {
      refuseRemovingLastMember((String) read(REMOVED_MEMBER, command), (String) read(REMOVED_FROM_GROUP, command));
    } else if (command instanceof CreateMembershipCmd
        && alreadyMember((String) read(ADDED_MEMBER, command), (String) read(ADDED_TO_GROUP, command))) {
      return null; // a double click in Admin: already done (Camunda would answer 500)
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      refuseUnlessAdministrator(START_ELSEWHERE_REFUSED);
    } else if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
      checkSentWithTask((String) read(COMPLETE_TASK_ID, command), (Map<?, ?>) read(COMPLETE_VARIABLES, command));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkSentWithTask((String) read(SUBMIT_TASK_ID, command), (Map<?, ?>) read(SUBMIT_VARIABLES, command));
    }
    return next.execute(command);
  }

  /** The variables sent with a task of a process that has rules: only those the task collects. */
  private void checkSentWithTask(String taskId, Map<?, ?> variables) {
    if (taskId == null || variables == null || variables.isEmpty() || isAdministrator()) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // the engine answers as usual (not found)
    }
    ProcessDefinitionEntity definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
    Optional<ProcessRules> processRules = rules.apply(definition.getKey());
    if (processRules.isEmpty()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    variables.keySet().forEach(name -> names.add(String.valueOf(name)));
    try {
      RulesEnginePlugin.refuseUnexpected(names,
          processRules.get().completionVariables().getOrDefault(task.getTaskDefinitionKey(), Set.of()),
          "la tâche « " + task.getName() + " »");
    } catch (RuleViolationException violation) {
      RuleViolations.record(violation);
      LOG.info("{} : données refusées pour la tâche {} de {} : {}", task.getProcessInstanceId(), task.getTaskDefinitionKey(),
          commandContext.getAuthenticatedUserId(), violation.getMessage());
      throw violation;
    }
  }

  /** {@code PUT /task/{id}} sends the whole task back (Tasklist, to set a date): only a changed owner is refused. */
  private static void refuseOwnerChange(TaskEntity sent) {
    if (sent == null || sent.getId() == null) {
      return;
    }
    TaskEntity stored = Context.getCommandContext().getTaskManager().findTaskById(sent.getId());
    if (stored != null && !java.util.Objects.equals(stored.getOwner(), sent.getOwner())) {
      refuseUnlessAdministrator(TASK_PEOPLE_REFUSED);
    }
  }

  /**
   * The right to create or change an account, checked before the engine checks the password against
   * its policy: someone without it gets 403, not a lesson on passwords.
   */
  private static void checkMayWriteUser(org.camunda.bpm.engine.identity.User user) {
    if (user instanceof org.camunda.bpm.engine.impl.persistence.entity.UserEntity entity) {
      CommandContext commandContext = Context.getCommandContext();
      if (entity.getRevision() == 0) {
        commandContext.getAuthorizationManager().checkAuthorization(org.camunda.bpm.engine.authorization.Permissions.CREATE,
            org.camunda.bpm.engine.authorization.Resources.USER);
        if (entity.getId() != null && commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration()
            .getIdentityService().createUserQuery().userId(entity.getId()).count() > 0)) {
          refuse(new InvalidInputException("id", "Compte refusé : un compte porte déjà l'identifiant « " + entity.getId()
              + " ». Choisissez-en un autre. Rien n'a été créé."));
        }
      } else {
        commandContext.getAuthorizationManager().checkAuthorization(org.camunda.bpm.engine.authorization.Permissions.UPDATE,
            org.camunda.bpm.engine.authorization.Resources.USER, entity.getId());
      }
    }
  }

  /** A new group whose id is taken: a French 400 before the database refuses it (Camunda: an ERROR and a 400 in English). */
  private static void refuseExistingGroup(org.camunda.bpm.engine.identity.Group group) {
    if (!(group instanceof org.camunda.bpm.engine.impl.persistence.entity.GroupEntity entity) || entity.getRevision() != 0
        || entity.getId() == null) {
      return;
    }
    CommandContext commandContext = Context.getCommandContext();
    commandContext.getAuthorizationManager().checkAuthorization(org.camunda.bpm.engine.authorization.Permissions.CREATE,
        org.camunda.bpm.engine.authorization.Resources.GROUP);
    if (commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration().getIdentityService()
        .createGroupQuery().groupId(entity.getId()).count() > 0)) {
      refuse(new InvalidInputException("id", "Groupe refusé : un groupe porte déjà l'identifiant « " + entity.getId()
          + " ». Choisissez-en un autre. Rien n'a été créé."));
    }
  }

  /** Records the refusal for the request's answer, logs one INFO line (who, why) and throws it. */
  private static void refuse(RuleViolationException refusal) {
    RuleViolations.record(refusal);
    Authentication authentication = authentication();
    LOG.info("Refusé à {} : {}", authentication == null ? null : authentication.getUserId(), refusal.getMessage());
    throw refusal;
  }

  /**
   * An account is not deleted while work waits for it (a task assigned to it, a running request whose
   * teacher, mentor or requester it is: the task would stay with a login nobody has), nor by the
   * person themself. Checked for people (the application's own code passes).
   */
  private static void refuseDeletingSomeoneStillNeeded(String userId) {
    Authentication authentication = authentication();
    if (authentication == null || userId == null) {
      return;
    }
    // the right to delete first: someone without it learns nothing of the account's work
    Context.getCommandContext().getAuthorizationManager().checkAuthorization(
        org.camunda.bpm.engine.authorization.Permissions.DELETE, org.camunda.bpm.engine.authorization.Resources.USER, userId);
    String refusal = null;
    String lastOf = lastMemberOf(userId);
    if (userId.equals(authentication.getUserId())) {
      refusal = "Vous ne pouvez pas supprimer votre propre compte : demandez-le à un autre administrateur. Rien n'a été supprimé.";
    } else if (lastOf != null) {
      refusal = "Le compte « " + userId + " » est le seul membre du groupe « " + lastOf + " » : ajoutez d'abord "
          + "quelqu'un d'autre au groupe, sans quoi plus personne ne ferait son travail. Rien n'a été supprimé.";
    } else {
      CommandContext commandContext = Context.getCommandContext();
      long tasks = commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration().getTaskService()
          .createTaskQuery().taskAssignee(userId).count());
      long requests = commandContext.runWithoutAuthorization(() -> PEOPLE_OF_REQUESTS.stream()
          .mapToLong(variable -> commandContext.getProcessEngineConfiguration().getRuntimeService()
              .createProcessInstanceQuery().variableValueEquals(variable, userId).count()).sum());
      if (tasks > 0 || requests > 0) {
        java.util.List<String> waiting = new java.util.ArrayList<>();
        if (tasks > 0) {
          waiting.add(tasks == 1 ? "une tâche lui est attribuée" : tasks + " tâches lui sont attribuées");
        }
        if (requests > 0) {
          waiting.add(requests == 1 ? "une demande en cours l'attend" : requests + " demandes en cours l'attendent");
        }
        refusal = "Le compte « " + userId + " » ne peut pas être supprimé : " + String.join(" et ", waiting)
            + " (comme enseignant, mentor, demandeur ou responsable de la tâche). Attribuez ses tâches à quelqu'un d'autre "
            + "et attendez la fin de ses demandes, ou fermez le compte en changeant son mot de passe. Rien n'a été supprimé.";
      }
    }
    if (refusal != null) {
      refuse(new ForbiddenActionException(refusal));
    }
  }

  /** A person removes someone from one of Pedaflow's groups: not its last member. */
  private static void refuseRemovingLastMember(String userId, String groupId) {
    Authentication authentication = authentication();
    if (authentication == null || !Groups.NAMES.containsKey(groupId)) {
      return;
    }
    Context.getCommandContext().getAuthorizationManager().checkAuthorization(
        org.camunda.bpm.engine.authorization.Permissions.DELETE, org.camunda.bpm.engine.authorization.Resources.GROUP_MEMBERSHIP, groupId);
    if (members(groupId) > 1 || !isMember(userId, groupId)) {
      return;
    }
    String refusal = "« " + userId + " » est le seul membre du groupe « " + Groups.NAMES.get(groupId) + " » : ajoutez d'abord "
        + "quelqu'un d'autre au groupe, sans quoi plus personne ne ferait son travail. Rien n'a été modifié.";
    refuse(new ForbiddenActionException(refusal));
  }

  /** The name of a Pedaflow group whose only member the user is, or null. */
  private static String lastMemberOf(String userId) {
    return Groups.NAMES.keySet().stream().filter(group -> isMember(userId, group) && members(group) == 1)
        .map(Groups.NAMES::get).findFirst().orElse(null);
  }

  /** Already a member: after checking the right to add members (a stranger still gets 403). */
  private static boolean alreadyMember(String userId, String groupId) {
    if (userId == null || groupId == null) {
      return false;
    }
    Context.getCommandContext().getAuthorizationManager().checkAuthorization(
        org.camunda.bpm.engine.authorization.Permissions.CREATE, org.camunda.bpm.engine.authorization.Resources.GROUP_MEMBERSHIP, groupId);
    return isMember(userId, groupId);
  }

  private static boolean isMember(String userId, String groupId) {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration().getIdentityService()
        .createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  private static long members(String groupId) {
    CommandContext commandContext = Context.getCommandContext();
    return commandContext.runWithoutAuthorization(() -> commandContext.getProcessEngineConfiguration().getIdentityService()
        .createUserQuery().memberOfGroup(groupId).count());
  }

  /** True for an authenticated member of the administrators' group. */
  static boolean isAdministrator() {
    Authentication authentication = authentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Groups.ADMINS);
  }

  private static Authentication authentication() {
    CommandContext commandContext = Context.getCommandContext();
    Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
    return authentication == null || authentication.getUserId() == null ? null : authentication;
  }

  private static void refuseUnlessAdministrator(String message) {
    Authentication authentication = authentication();
    if (authentication == null || isAdministrator()) {
      return; // the application's own code, or an administrator
    }
    refuse(new ForbiddenActionException(message));
  }
}
