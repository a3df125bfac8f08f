package org.pedaflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the JVM's own threads, read from {@code /proc/self/task} (Linux; elsewhere nothing is
 * found and their share reads 0): the JIT compiler's ({@code C1/C2 CompilerThread…}: compiling code,
 * not running it) and the garbage collector's ({@code GC Thread#…}, {@code G1 …}, {@code VM Thread}).
 * The JIT compiles code the more the less often it has run: code that runs once or twice per
 * instance (a mail, a rule) is still being compiled thousands of instances after the start, code the
 * engine runs at every step much earlier.
 */
final class JvmThreads {

  enum Kind { JIT, GC, KERNEL }

  private static final Path TASKS = Path.of("/proc/self/task");
  /** Linux's clock ticks per second for {@code utime}/{@code stime} (USER_HZ, 100 on every usual kernel). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  /** CPU nanoseconds used so far by each live JIT or GC thread, by thread id. */
  record Snapshot(Map<String, Kind> kinds, Map<String, Long> nanos) {

    /**
     * CPU nanoseconds the threads of {@code kind} used since {@code before}; for {@link Kind#KERNEL}, the
     * system time of the whole process (every thread, in the kernel: files, locks handed over, sockets).
     */
    long since(Snapshot before, Kind kind) {
      if (kind == Kind.KERNEL) {
        return nanos.getOrDefault(PROCESS_KERNEL, 0L) - before.nanos.getOrDefault(PROCESS_KERNEL, 0L);
      }
      long total = 0;
      for (Map.Entry<String, Long> now : nanos.entrySet()) {
        if (kinds.get(now.getKey()) == kind) {
          // a thread that ended in between (the JVM stops idle compiler threads) is not counted
          total += now.getValue() - before.nanos.getOrDefault(now.getKey(), 0L);
        }
      }
      return total;
    }
  }

  private static final String PROCESS_KERNEL = "process-kernel";

  private JvmThreads() {}

  static Snapshot snapshot() {
    Map<String, Kind> kinds = new HashMap<>();
    Map<String, Long> nanos = new HashMap<>();
    if (!Files.isDirectory(TASKS)) {
      return new Snapshot(kinds, nanos);
    }
    try {
      String stat = Files.readString(TASKS.getParent().resolve("stat"));
      nanos.put(PROCESS_KERNEL, Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]) * NANOS_PER_TICK);
    } catch (IOException | RuntimeException e) {
      // no system time: its share reads 0
    }
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int close = stat.lastIndexOf(')');
          Kind kind = kind(stat.substring(stat.indexOf('(') + 1, close));
          if (kind != null) {
            // fields after the name: state (field 3) … utime (14), stime (15)
            String[] fields = stat.substring(close + 2).split(" ");
            String id = task.getFileName().toString();
            kinds.put(id, kind);
            nanos.put(id, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended between the listing and the read
        }
      });
    } catch (IOException e) {
      return new Snapshot(kinds, nanos);
    }
    return new Snapshot(kinds, nanos);
  }

  private static Kind kind(String name) {
    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
      return Kind.JIT;
    }
    if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
      return Kind.GC;
    }
    return null;
  }
}
