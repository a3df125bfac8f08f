package org.pedaflow.onboarding;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.pedaflow.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Questions about the university directory (the Camunda identity service) that the onboarding
 * rules ask. They run without the caller's authorizations: whether a login exists must not depend
 * on what the HR officer may read in Admin.
 */
@Component
class Directory {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  Directory(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identityService = identityService;
    this.engineConfiguration = engineConfiguration;
  }

  boolean userExists(String userId) {
    return withoutAuthorization(() -> identityService.createUserQuery().userId(userId).count() > 0);
  }

  boolean isInstructionalDesigner(String userId) {
    return withoutAuthorization(() -> identityService.createUserQuery()
        .userId(userId)
        .memberOfGroup(Groups.INSTRUCTIONAL_DESIGNERS)
        .count() > 0);
  }

  private <T> T withoutAuthorization(Supplier<T> query) {
    return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext ->
        commandContext.runWithoutAuthorization(query::get));
  }
}
