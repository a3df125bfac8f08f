package org.pedaflow.notification;

import org.pedaflow.platform.PedaflowProperties;
import org.springframework.stereotype.Component;

/** Links to Tasklist and Cockpit, built on {@code pedaflow.base-url}. */
@Component
public class Links {

  private final PedaflowProperties properties;

  public Links(PedaflowProperties properties) {
    this.properties = properties;
  }

  public String tasklist() {
    return properties.getBaseUrl() + "/camunda/app/tasklist/default/";
  }

  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  public String cockpitInstance(String processInstanceId) {
    return properties.getBaseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime";
  }
}
