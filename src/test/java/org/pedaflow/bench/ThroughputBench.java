package org.pedaflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Runs batches of happy-path instances end to end on the Java API: every start and every task
 * completion as its actor (authorization on), the asynchronous steps left to the job executor.
 * The driver threads complete whatever task is open while the job executor works, so the batch is
 * pipelined; a batch is over when none of its instances is left.
 */
final class ThroughputBench {

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ExecutorService drivers;

  ThroughputBench(ProcessEngine engine, ExecutorService drivers) {
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.identityService = engine.getIdentityService();
    this.drivers = drivers;
  }

  /**
   * The outcome of one batch: wall-clock rate, the CPU time the whole JVM spent per instance, and
   * the parts of it spent by the JIT compiler's threads (compiling code, not running it) and by the
   * garbage collector's.
   */
  record Batch(double instancesPerSecond, double cpuMillisPerInstance, double jitMillisPerInstance,
      double gcMillisPerInstance, double kernelMillisPerInstance) {

    /** CPU time per instance without the JIT compiler's threads: the work itself, GC included. */
    double workMillisPerInstance() {
      return cpuMillisPerInstance - jitMillisPerInstance;
    }
  }

  /** Runs {@code instances} instances to their end. */
  Batch run(Scenario scenario, int instances) {
    long cpuStarted = processCpuNanos();
    JvmThreads.Snapshot threadsStarted = JvmThreads.snapshot();
    long started = System.nanoTime();
    startInstances(scenario, 0, instances);
    while (true) {
      List<Task> open = taskService.createTaskQuery().processDefinitionKey(scenario.processKey()).list();
      if (open.isEmpty()) {
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(scenario.processKey()).count() == 0) {
          break;
        }
        pause(10); // the job executor is running the asynchronous steps
        continue;
      }
      List<Callable<Void>> completions = new ArrayList<>();
      for (Task task : open) {
        Scenario.Step step = scenario.steps().get(task.getTaskDefinitionKey());
        if (step == null) {
          throw new IllegalStateException(scenario.processKey() + ": no actor for task " + task.getTaskDefinitionKey());
        }
        completions.add(() -> {
          complete(task.getId(), step);
          return null;
        });
      }
      runAll(completions);
    }
    if (Boolean.getBoolean("bench.trace-batches")) {
      System.out.printf("batch %s %d %d%n", scenario.processKey(), System.currentTimeMillis() - (System.nanoTime() - started) / 1_000_000,
          System.currentTimeMillis());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuMillis = (processCpuNanos() - cpuStarted) / 1e6;
    JvmThreads.Snapshot threads = JvmThreads.snapshot();
    double jitMillis = threads.since(threadsStarted, JvmThreads.Kind.JIT) / 1e6;
    double gcMillis = threads.since(threadsStarted, JvmThreads.Kind.GC) / 1e6;
    double kernelMillis = threads.since(threadsStarted, JvmThreads.Kind.KERNEL) / 1e6;
    return new Batch(instances / seconds, cpuMillis / instances, jitMillis / instances, gcMillis / instances,
        kernelMillis / instances);
  }

  /**
   * CPU time of this JVM (every thread: drivers, job executor, GC, JIT). On a machine shared with
   * other builds the wall clock mostly measures the neighbours; CPU time per instance does not.
   */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Starts instances number {@code from} to {@code from + count - 1} as the scenario's starter. */
  void startInstances(Scenario scenario, int from, int count) {
    List<Callable<Void>> starts = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Map<String, Object> variables = scenario.startVariables().apply(i);
      starts.add(() -> {
        asUser(scenario.starter(), scenario.starterGroups(),
            () -> runtimeService.startProcessInstanceByKey(scenario.processKey(), variables));
        return null;
      });
    }
    runAll(starts);
  }

  private void complete(String taskId, Scenario.Step step) {
    try {
      asUser(step.user(), step.groups(), () -> {
        taskService.complete(taskId, step.variables());
        return null;
      });
    } catch (OptimisticLockingException concurrentJoin) {
      // both branches of a parallel join completed at once: the task stays open, the next pass completes it
    }
  }

  private <T> T asUser(String user, List<String> groups, java.util.function.Supplier<T> action) {
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void runAll(List<Callable<Void>> actions) {
    try {
      for (Future<Void> done : drivers.invokeAll(actions)) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Benchmark step failed", e.getCause());
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
