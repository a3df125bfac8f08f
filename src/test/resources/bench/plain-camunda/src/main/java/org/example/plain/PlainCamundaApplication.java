package org.example.plain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PlainCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlainCamundaApplication.class, args);
  }
}
