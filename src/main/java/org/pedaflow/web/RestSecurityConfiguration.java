package org.pedaflow.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API requires HTTP Basic against the Camunda identity service; every call then runs as
 * that user, with the engine's authorization checks. Anonymous calls get 401, forbidden ones 403.
 */
@Configuration(proxyBeanMethods = false)
public class RestSecurityConfiguration {

  public static final String REST_PATTERN = "/engine-rest/*";
  public static final String WEBAPP_API_PATTERN = "/camunda/api/*";
  public static final String WEBAPP_ENGINE_API_PATTERN = "/camunda/api/engine/*";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("pedaflow-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(REST_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappAccessFilter> webappAccessFilter() {
    FilterRegistrationBean<WebappAccessFilter> registration = new FilterRegistrationBean<>(new WebappAccessFilter());
    registration.setName("pedaflow-webapp-access");
    registration.addUrlPatterns(WEBAPP_API_PATTERN);
    // after Camunda's authentication filter has restored the session's users
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RuleViolationResponseFilter> ruleViolationResponseFilter(
      ObjectProvider<ProcessEngine> engine) {
    FilterRegistrationBean<RuleViolationResponseFilter> registration =
        new FilterRegistrationBean<>(new RuleViolationResponseFilter(EngineStates.of(engine)));
    registration.setName("pedaflow-rule-violations");
    registration.addUrlPatterns(REST_PATTERN, WEBAPP_API_PATTERN);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TaskUpdateFilter> taskUpdateFilter() {
    return onTheEngineApiAfterLogin(new TaskUpdateFilter(), "pedaflow-task-update");
  }

  @Bean
  FilterRegistrationBean<VariablesCheckFilter> variablesCheckFilter() {
    return onTheEngineApiAfterLogin(new VariablesCheckFilter(), "pedaflow-variables-check");
  }

  /**
   * A filter that reads request bodies on the engine's API (REST and the webapps' copy), after
   * authentication (REST and webapps) and the webapps' CSRF check: strangers learn nothing.
   */
  private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> onTheEngineApiAfterLogin(F filter, String name) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(REST_PATTERN, WEBAPP_ENGINE_API_PATTERN);
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
    return registration;
  }
}
