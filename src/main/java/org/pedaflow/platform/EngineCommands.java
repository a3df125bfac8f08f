package org.pedaflow.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * For the command interceptors that check an engine command before the engine acts: their
 * installation, and what the command was given (a task id, the variables sent, an authorization).
 * The engine keeps these in protected fields; each one is looked up once, at start-up, so an engine
 * upgrade that moves one fails fast.
 */
public final class EngineCommands {

  private EngineCommands() {}

  /**
   * Runs an interceptor inside every command, in its transaction and command context, before the
   * command itself, for both kinds of command (in the caller's transaction and in a new one). Each
   * chain gets its own instance: an interceptor knows the next one of its chain.
   */
  public static void addPostInterceptor(ProcessEngineConfigurationImpl configuration,
      Supplier<? extends CommandInterceptor> interceptor) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor.get()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor.get()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }

  /** The field {@code name} of {@code type}, or a start-up failure naming {@code purpose}. */
  public static Field field(Class<?> type, String name, String purpose) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda " + type.getSimpleName() + " n'a plus de champ " + name
          + " : " + purpose + " est à adapter à cette version du moteur", e);
    }
  }

  public static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
