package org.pedaflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pedaflow: the processes of the pedagogical support unit on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PedaflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(PedaflowApplication.class, args);
  }
}
