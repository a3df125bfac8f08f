package org.pedaflow.models;

/**
 * One problem found in a model: the file (relative to the repository root), the element a designer
 * looks for in Camunda Modeler, what is wrong and what to do about it.
 */
public record Finding(String file, String element, String problem, String fix) {

  @Override
  public String toString() {
    return file + " — " + element + " : " + problem + "\n      → " + fix;
  }
}
