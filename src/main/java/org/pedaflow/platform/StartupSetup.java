package org.pedaflow.platform;

import org.pedaflow.deployment.ModelDeployer;
import org.pedaflow.identity.Authorizations;
import org.pedaflow.identity.TasklistFilters;
import org.pedaflow.identity.UsersAndGroups;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Prepares the engine before the web server opens: checks that an administrator is configured,
 * deploys the models, creates what is missing of groups, users, authorizations and filters. Every
 * step is idempotent, so a restart (or a second node) changes nothing.
 */
@Component
class StartupSetup implements SmartInitializingSingleton {

  private final UsersAndGroups usersAndGroups;
  private final ModelDeployer modelDeployer;
  private final Authorizations authorizations;
  private final TasklistFilters filters;

  StartupSetup(UsersAndGroups usersAndGroups, ModelDeployer modelDeployer, Authorizations authorizations,
      TasklistFilters filters) {
    this.usersAndGroups = usersAndGroups;
    this.modelDeployer = modelDeployer;
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @Override
  public void afterSingletonsInstantiated() {
    usersAndGroups.checkAdministratorConfigured();
    modelDeployer.deploy();
    usersAndGroups.createMissing();
    authorizations.createMissing();
    filters.createMissing();
  }
}
