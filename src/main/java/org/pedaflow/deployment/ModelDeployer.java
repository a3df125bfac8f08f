package org.pedaflow.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of {@code processes/} (BPMN, DMN) and every form of {@code forms/} together
 * in ONE deployment, so that {@code camunda:formRefBinding="deployment"} finds the form deployed with
 * its model. Resource names are {@code processes/<file>} and {@code forms/<file>} whether the
 * application runs from the jar or from {@code mvn spring-boot:run}; a start with unchanged models
 * creates no new deployment (duplicate filtering on the whole set).
 */
@Component
public class ModelDeployer {

  public static final String DEPLOYMENT_NAME = "pedaflow";

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  private static final List<String> PATTERNS = List.of("processes/*.bpmn", "processes/*.dmn", "forms/*.form");

  private final RepositoryService repositoryService;

  public ModelDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public void deploy() {
    Map<String, byte[]> models = readModels();
    if (models.isEmpty()) {
      LOG.warn("Aucun modèle trouvé dans processes/ et forms/ : rien à déployer");
      return;
    }
    DeploymentBuilder deployment = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(false);
    for (Map.Entry<String, byte[]> model : models.entrySet()) {
      deployment.addInputStream(model.getKey(), new java.io.ByteArrayInputStream(model.getValue()));
    }
    DeploymentWithDefinitions result = deployment.deployWithResult();
    if (result.getDeployedProcessDefinitions() == null || result.getDeployedProcessDefinitions().isEmpty()) {
      LOG.info("Modèles inchangés : aucun nouveau déploiement ({} fichiers)", models.size());
    } else {
      LOG.info("Déploiement {} : {} fichiers, {} processus, {} décisions", result.getId(), models.size(),
          result.getDeployedProcessDefinitions().size(),
          result.getDeployedDecisionDefinitions() == null ? 0 : result.getDeployedDecisionDefinitions().size());
    }
  }

  /** Resource name → content, sorted by name, read from the classpath (jar or target/classes). */
  Map<String, byte[]> readModels() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(getClass().getClassLoader());
    Map<String, byte[]> models = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        String folder = pattern.substring(0, pattern.indexOf('/'));
        // the application's own classes root only: "classpath*:" would search every jar of the class path
        for (Resource resource : resolver.getResources("classpath:" + pattern)) {
          try (InputStream in = resource.getInputStream()) {
            models.putIfAbsent(folder + "/" + resource.getFilename(), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Lecture des modèles impossible", e);
    }
    return models;
  }
}
