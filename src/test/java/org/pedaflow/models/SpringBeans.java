package org.pedaflow.models;

import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Spring bean names declared in the Java sources, found by reading them (no Spring context):
 * {@code @Component("name")}, {@code @Service}, ... on a class (explicit name, or the class name with a
 * lower-case first letter as Spring does), and {@code @Bean} methods (explicit name or method name).
 */
final class SpringBeans {

  private static final Pattern STEREOTYPE = Pattern.compile(
      "@(?:Component|Service|Repository|Controller|RestController|Configuration|Named)"
          + "\\s*(?:\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"[^)]*\\))?"
          + "(?:\\s*@\\w+(?:\\([^)]*\\))?)*"
          + "[\\s\\w]*?\\b(?:class|record|interface|enum)\\s+(\\w+)");
  private static final Pattern BEAN_METHOD = Pattern.compile(
      "@Bean\\s*(?:\\(\\s*(?:(?:name|value)\\s*=\\s*)?\\{?\\s*\"([^\"]+)\"[^)]*\\))?"
          + "(?:\\s*@\\w+(?:\\([^)]*\\))?)*"
          + "\\s*(?:(?:public|protected|private|static|final)\\s+)*[\\w<>?,.\\[\\]\\s]+?\\s+(\\w+)\\s*\\(");

  private final Set<String> names;
  private final Set<String> classes;

  private SpringBeans(Set<String> names, Set<String> classes) {
    this.names = names;
    this.classes = classes;
  }

  private static final Map<Path, SpringBeans> SCANNED = new ConcurrentHashMap<>();

  /** The beans of a source folder (read once per test run). */
  static SpringBeans scan(Path sourceRoot) {
    return SCANNED.computeIfAbsent(sourceRoot.toAbsolutePath().normalize(), SpringBeans::read);
  }

  private static SpringBeans read(Path sourceRoot) {
    Set<String> names = new TreeSet<>();
    Set<String> classes = new TreeSet<>();
    if (!Files.isDirectory(sourceRoot)) {
      return new SpringBeans(names, classes);
    }
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
        classes.add(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'));
        String source = Files.readString(file, StandardCharsets.UTF_8);
        Matcher stereotype = STEREOTYPE.matcher(source);
        while (stereotype.find()) {
          String explicit = stereotype.group(1);
          names.add(explicit != null && !explicit.isBlank() ? explicit : Introspector.decapitalize(stereotype.group(2)));
        }
        Matcher bean = BEAN_METHOD.matcher(source);
        while (bean.find()) {
          names.add(bean.group(1) != null ? bean.group(1) : bean.group(2));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SpringBeans(names, classes);
  }

  boolean hasBean(String name) {
    return names.contains(name);
  }

  /** A class of the sources, or one the tests can load (a class of a library). */
  boolean hasClass(String className) {
    if (classes.contains(className)) {
      return true;
    }
    try {
      Class.forName(className, false, getClass().getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  Set<String> names() {
    return names;
  }
}
