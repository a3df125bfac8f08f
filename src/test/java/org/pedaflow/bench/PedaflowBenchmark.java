package org.pedaflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pedaflow.PedaflowApplication;
import org.pedaflow.identity.TasklistFilters;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The performance benchmark of issue 9, run by {@code mvn -Pbench verify} (never by the normal build:
 * the class name does not match the test patterns of Surefire, the {@code bench} profile runs it with
 * Failsafe after the jar is packaged). It prints, and writes to {@code target/bench/results.md}:
 * <ol>
 *   <li>process throughput of the three processes and of their bare twins, in one application on H2
 *       in memory, with the ratio Pedaflow / bare;</li>
 *   <li>latency of the task list as Tasklist asks for it, with 10 000 open tasks;</li>
 *   <li>start-up to a ready REST API and resident memory of the packaged jar and of a plain Camunda
 *       Spring Boot application built outside the repository.</li>
 * </ol>
 * Nothing is asserted: the numbers are printed. Sizes are system properties ({@code bench.*}). It only
 * runs when {@code bench.jar} is set (the profile sets it), so that selecting tests by package with
 * {@code -Dtest=...} in a normal build never starts it.
 */
@EnabledIfSystemProperty(named = "bench.jar", matches = ".+")
class PedaflowBenchmark {

  private static final Path OUT = Path.of("target", "bench").toAbsolutePath();

  private final int drivers = Integer.getInteger("bench.drivers", 2);
  private final int warmUpInstances = Integer.getInteger("bench.warmup", 150);
  private final int instances = Integer.getInteger("bench.instances", 100);
  private final int rounds = Integer.getInteger("bench.rounds", 5);
  private final int openTasks = Integer.getInteger("bench.open-tasks", 10_000);
  private final int queries = Integer.getInteger("bench.queries", 200);
  private final int startupRounds = Integer.getInteger("bench.startup-rounds", 3);
  private final Set<String> parts = Set.of(System.getProperty("bench.parts", "throughput,tasklist,startup").split(","));

  private final String databaseName = embeddedPostgres()
      ? "PostgreSQL 14, embedded, on the same machine"
      : System.getProperty("bench.database-url") != null ? System.getProperty("bench.database-url").replaceAll(";.*", "")
      : "H2 in memory";
  private final StringBuilder report = new StringBuilder();
  private javax.sql.DataSource dataSource;

  @Test
  void benchmark() throws Exception {
    Files.createDirectories(OUT.resolve("logs"));
    machine("before");
    if (parts.contains("throughput") || parts.contains("tasklist") || parts.contains("sql")) {
      try (ConfigurableApplicationContext app = startApplication()) {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        dataSource = app.getBean(javax.sql.DataSource.class);
        deployBareTwins(engine);
        ExecutorService pool = Executors.newFixedThreadPool(drivers);
        try {
          if (parts.contains("throughput")) {
            throughput(engine, pool);
          }
          if (parts.contains("sql")) {
            sqlProfile(engine, pool);
          }
          if (parts.contains("tasklist")) {
            tasklist(engine, pool, ((WebServerApplicationContext) app).getWebServer().getPort());
          }
        } finally {
          pool.shutdownNow();
        }
      }
    }
    if (parts.contains("startup")) {
      startup();
    }
    machine("after");
    Files.writeString(OUT.resolve("results.md"), report);
    System.out.println("\n" + report + "\n(written to " + OUT.resolve("results.md") + ")");
  }

  // ---------------------------------------------------------------- 1. throughput

  private void throughput(ProcessEngine engine, ExecutorService pool) {
    ThroughputBench bench = new ThroughputBench(engine, pool);
    // -Dbench.processes=teacher-onboarding,… measures only those processes (all three by default)
    Set<String> only = Set.of(System.getProperty("bench.processes", "").split(","));
    List<Scenario> scenarios = deployed(engine, List.of(Scenario.onboarding(), Scenario.labelling(), Scenario.purchase()))
        .stream().filter(s -> only.contains("") || only.contains(s.processKey())).toList();
    for (Scenario scenario : scenarios) {
      bench.run(scenario, warmUpInstances);
      bench.run(scenario.bare(), warmUpInstances);
    }
    Map<String, Stats[]> results = new LinkedHashMap<>();
    for (Scenario scenario : scenarios) {
      results.put(scenario.name(), java.util.stream.Stream.generate(Stats::new).limit(13).toArray(Stats[]::new));
    }
    for (int round = 0; round < rounds; round++) {
      for (Scenario scenario : scenarios) {
        // alternate which variant runs first, so that neither always meets a fuller history
        boolean pedaflowFirst = round % 2 == 0;
        ThroughputBench.Batch first = bench.run(pedaflowFirst ? scenario : scenario.bare(), instances);
        ThroughputBench.Batch second = bench.run(pedaflowFirst ? scenario.bare() : scenario, instances);
        ThroughputBench.Batch pedaflow = pedaflowFirst ? first : second;
        ThroughputBench.Batch bare = pedaflowFirst ? second : first;
        Stats[] stats = results.get(scenario.name());
        stats[0].add(pedaflow.instancesPerSecond());
        stats[1].add(bare.instancesPerSecond());
        stats[2].add(pedaflow.instancesPerSecond() / bare.instancesPerSecond());
        stats[3].add(pedaflow.cpuMillisPerInstance());
        stats[4].add(bare.cpuMillisPerInstance());
        stats[5].add(bare.cpuMillisPerInstance() / pedaflow.cpuMillisPerInstance());
        stats[6].add(pedaflow.jitMillisPerInstance());
        stats[7].add(bare.jitMillisPerInstance());
        stats[8].add(bare.workMillisPerInstance() / pedaflow.workMillisPerInstance());
        stats[9].add(pedaflow.workMillisPerInstance());
        stats[10].add(bare.workMillisPerInstance());
        stats[11].add(pedaflow.gcMillisPerInstance());
        stats[12].add(bare.gcMillisPerInstance());
        System.out.printf("round %d %s: Pedaflow %.1f/s %.1f CPU ms (JIT %.1f, GC %.1f, kernel %.1f), "
            + "bare %.1f/s %.1f CPU ms (JIT %.1f, GC %.1f, kernel %.1f)%n", round + 1, scenario.name(),
            pedaflow.instancesPerSecond(), pedaflow.cpuMillisPerInstance(), pedaflow.jitMillisPerInstance(),
            pedaflow.gcMillisPerInstance(), pedaflow.kernelMillisPerInstance(), bare.instancesPerSecond(),
            bare.cpuMillisPerInstance(), bare.jitMillisPerInstance(), bare.gcMillisPerInstance(), bare.kernelMillisPerInstance());
      }
    }
    report.append("\n### 1. Process throughput (happy path, Java API, authorization on, ").append(databaseName).append(")\n\n")
        .append(rounds).append(" rounds of ").append(instances).append(" instances per process and variant, ")
        .append(drivers).append(" driver threads; median (min–max) over the rounds; ratios per round. ")
        .append("CPU ms = CPU time of the whole JVM per instance (drivers, job executor, GC); its ratio bare / Pedaflow ")
        .append("is the throughput ratio of a CPU-bound run on a machine of one's own.\n\n")
        .append("| process | Pedaflow inst/s | bare twin inst/s | Pedaflow / bare (wall clock) | Pedaflow CPU ms/inst | bare CPU ms/inst | Pedaflow / bare from CPU time (bare CPU ÷ Pedaflow CPU; target ≥ 0.90) |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    results.forEach((name, stats) -> report.append("| ").append(name).append(" | ").append(stats[0].spread(1))
        .append(" | ").append(stats[1].spread(1)).append(" | ").append(stats[2].spread(2)).append(" | ")
        .append(stats[3].spread(1)).append(" | ").append(stats[4].spread(1)).append(" | ").append(stats[5].spread(2))
        .append(" |\n"));
    report.append("\nThe same CPU time split (from `/proc/self/task`): the JIT compiler's threads (compiling code, not running it), ")
        .append("the garbage collector's, and the work (the rest, GC included).\n\n")
        .append("| process | Pedaflow JIT ms/inst | bare JIT ms/inst | Pedaflow GC ms/inst | bare GC ms/inst | Pedaflow work ms/inst | bare work ms/inst | Pedaflow / bare from CPU time without the JIT (bare ÷ Pedaflow) |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    results.forEach((name, stats) -> report.append("| ").append(name).append(" | ").append(stats[6].spread(1))
        .append(" | ").append(stats[7].spread(1)).append(" | ").append(stats[11].spread(1)).append(" | ")
        .append(stats[12].spread(1)).append(" | ").append(stats[9].spread(1))
        .append(" | ").append(stats[10].spread(1)).append(" | ")
        .append(stats[8].spread(2)).append(" |\n"));
    List<String> missing = new ArrayList<>();
    for (Scenario scenario : List.of(Scenario.onboarding(), Scenario.labelling(), Scenario.purchase())) {
      if (!results.containsKey(scenario.name())) {
        missing.add(scenario.name());
      }
    }
    if (!missing.isEmpty()) {
      report.append("\nNot deployed in this build, not measured: ").append(missing).append("\n");
    }
  }

  // ---------------------------------------------------------------- where the difference goes (not in the default parts)

  /**
   * The SQL each variant sends per instance, from H2's query statistics: which statements Pedaflow
   * adds to its bare twin, how often, and how long H2 spent on them. Run with {@code -Dbench.parts=sql}.
   */
  private void sqlProfile(ProcessEngine engine, ExecutorService pool) {
    org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    ThroughputBench bench = new ThroughputBench(engine, pool);
    int n = Integer.getInteger("bench.sql-instances", 20);
    report.append("\n### SQL per instance (H2 query statistics, ").append(n).append(" instances per variant after warm-up)\n");
    for (Scenario scenario : deployed(engine, List.of(Scenario.onboarding(), Scenario.labelling(), Scenario.purchase()))) {
      Map<String, double[]> pedaflow = null;
      for (Scenario variant : List.of(scenario, scenario.bare())) {
        bench.run(variant, warmUpInstances);
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        bench.run(variant, n);
        Map<String, double[]> statements = new LinkedHashMap<>();
        jdbc.query("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME FROM INFORMATION_SCHEMA.QUERY_STATISTICS",
            row -> {
              String sql = row.getString(1);
              if (!sql.contains("QUERY_STATISTICS")) {
                statements.put(sql, new double[] {row.getLong(2) / (double) n, row.getDouble(3) / n});
              }
            });
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        if (pedaflow == null) {
          pedaflow = statements;
          continue;
        }
        Map<String, double[]> bare = statements;
        double[] totals = new double[4];
        pedaflow.values().forEach(v -> { totals[0] += v[0]; totals[1] += v[1]; });
        bare.values().forEach(v -> { totals[2] += v[0]; totals[3] += v[1]; });
        report.append("\n#### ").append(scenario.name()).append(": Pedaflow ").append(Stats.format(totals[0], 1))
            .append(" statements (").append(Stats.format(totals[1], 2)).append(" ms in H2), bare ")
            .append(Stats.format(totals[2], 1)).append(" (").append(Stats.format(totals[3], 2)).append(" ms) per instance\n\n")
            .append("| statement (bare twin's process keys read as Pedaflow's) | Pedaflow /inst | bare /inst | Pedaflow ms/inst | bare ms/inst |\n| --- | ---: | ---: | ---: | ---: |\n");
        report.append("\nVariables per instance (history): Pedaflow ").append(variablesPerInstance(jdbc, scenario.processKey()))
            .append("; bare ").append(variablesPerInstance(jdbc, scenario.bare().processKey())).append("\n\n");
        Map<String, double[]> merged = new LinkedHashMap<>();
        pedaflow.forEach((sql, v) -> merged.computeIfAbsent(normalise(sql), k -> new double[4])[0] += v[0]);
        pedaflow.forEach((sql, v) -> merged.get(normalise(sql))[2] += v[1]);
        bare.forEach((sql, v) -> merged.computeIfAbsent(normalise(sql), k -> new double[4])[1] += v[0]);
        bare.forEach((sql, v) -> merged.get(normalise(sql))[3] += v[1]);
        merged.entrySet().stream()
            .filter(e -> Math.abs(e.getValue()[0] - e.getValue()[1]) >= 0.5)
            .sorted((a, b) -> Double.compare(Math.abs(b.getValue()[0] - b.getValue()[1]), Math.abs(a.getValue()[0] - a.getValue()[1])))
            .limit(Integer.getInteger("bench.sql-rows", 30))
            .forEach(e -> report.append("| `").append(e.getKey().length() > SQL_WIDTH ? e.getKey().substring(0, SQL_WIDTH) + "…" : e.getKey())
                .append("` | ").append(Stats.format(e.getValue()[0], 1)).append(" | ").append(Stats.format(e.getValue()[1], 1))
                .append(" | ").append(Stats.format(e.getValue()[2], 2)).append(" | ").append(Stats.format(e.getValue()[3], 2)).append(" |\n"));
      }
    }
  }

  /** How much of each statement the SQL table shows ({@code -Dbench.sql-width}, default 140 characters). */
  private static final int SQL_WIDTH = Integer.getInteger("bench.sql-width", 140);

  private static String variablesPerInstance(org.springframework.jdbc.core.JdbcTemplate jdbc, String processKey) {
    Long instances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ?", Long.class, processKey);
    StringBuilder names = new StringBuilder();
    jdbc.query("SELECT NAME_, CASE WHEN TASK_ID_ IS NULL THEN '' ELSE ' (task)' END, COUNT(*) FROM ACT_HI_VARINST "
        + "WHERE PROC_DEF_KEY_ = ? GROUP BY NAME_, CASE WHEN TASK_ID_ IS NULL THEN '' ELSE ' (task)' END ORDER BY 1",
        row -> {
          names.append(names.isEmpty() ? "" : ", ").append(row.getString(1)).append(row.getString(2));
          double perInstance = row.getLong(3) / (double) Math.max(1, instances);
          if (perInstance > 1.01) {
            names.append(" ×").append(Stats.format(perInstance, 1));
          }
        }, processKey);
    return names.toString();
  }

  private static String normalise(String sql) {
    return sql.replaceAll("\\s+", " ").replace("|", "\\|");
  }

  // ---------------------------------------------------------------- 2. task list

  private void tasklist(ProcessEngine engine, ExecutorService pool, int port) {
    ThroughputBench starter = new ThroughputBench(engine, pool);
    List<Scenario> scenarios = deployed(engine, List.of(Scenario.onboarding(), Scenario.labelling(), Scenario.purchase()));
    long already = engine.getTaskService().createTaskQuery().count();
    long seedStarted = System.nanoTime();
    // onboarding opens two tasks per instance (mentor for the designers, questionnaire for the teacher)
    Map<Scenario, Integer> mix = new LinkedHashMap<>();
    int remaining = openTasks - (int) already;
    boolean onboarding = scenarios.stream().anyMatch(s -> s.processKey().equals("teacher-onboarding"));
    for (Scenario scenario : scenarios) {
      int share = switch (scenario.processKey()) {
        case "teacher-onboarding" -> remaining / 5;             // 2 tasks each: 40 % of the tasks
        default -> onboarding ? (remaining * 3 / 10) : remaining / 2;
      };
      mix.put(scenario, share);
    }
    int batch = 500;
    for (Map.Entry<Scenario, Integer> entry : mix.entrySet()) {
      for (int from = 0; from < entry.getValue(); from += batch) {
        starter.startInstances(entry.getKey(), 100_000 + from, Math.min(batch, entry.getValue() - from));
      }
    }
    awaitNoExecutableJobs(engine);
    if (onPostgres()) {
      // a production database has statistics (autovacuum); a freshly filled one has none yet
      new org.springframework.jdbc.core.JdbcTemplate(dataSource).execute("ANALYZE");
    }
    long total = engine.getTaskService().createTaskQuery().count();
    long designers = engine.getTaskService().createTaskQuery().taskCandidateGroup("instructional-designers").count();
    double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;

    Filter groupsFilter = engine.getFilterService().createFilterQuery()
        .filterName(TasklistFilters.MY_GROUPS_TASKS).singleResult();
    TasklistBench bench = new TasklistBench("http://localhost:" + port + "/engine-rest", "ines", "ines");
    int warmUp = Math.max(20, queries / 5);
    Supplier<HttpRequest.Builder> filterCounts = () -> bench.get("/filter?resourceType=Task&itemCount=true");
    Supplier<HttpRequest.Builder> halFilterList = () -> bench.post("/filter/" + groupsFilter.getId() + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}")
        .header("Accept", "application/hal+json");
    Map<String, Supplier<HttpRequest.Builder>> requests = new LinkedHashMap<>();
    requests.put("`GET /engine-rest/task?candidateGroups=…&sortBy=created&maxResults=15`", () -> bench.get(
        "/task?candidateGroups=instructional-designers&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"));
    requests.put("`GET /engine-rest/filter?resourceType=Task&itemCount=true` (filter counts)", filterCounts);
    requests.put("`POST /engine-rest/filter/{Tâches de mes groupes}/list?maxResults=15` (HAL, what Tasklist sends)", halFilterList);
    // what Cockpit asks for the same person: her running instances, not her tasks (other grants, no per-row ones)
    requests.put("`GET /engine-rest/process-instance?maxResults=50` (running instances, as Cockpit lists them; not a target)",
        () -> bench.get("/process-instance?firstResult=0&maxResults=50"));
    requests.put("`GET /engine-rest/process-instance/count` (not a target)", () -> bench.get("/process-instance/count"));

    // Between two refreshes of one person's Tasklist, colleagues claim and complete tasks. H2 answers
    // a statement again from its last result while none of the tables it reads changed, which a
    // benchmark asking the same thing over and over would measure instead of the query: so before
    // each measured request one task (not one of ines's) changes, and the same requests are also
    // measured with nothing changed in between, for comparison.
    TaskService tasks = engine.getTaskService();
    String colleaguesTask = tasks.createTaskQuery().taskAssigned().taskAssignee("claire").listPage(0, 1).stream()
        .findFirst().or(() -> tasks.createTaskQuery().taskAssigned().listPage(0, 1).stream().findFirst())
        .orElseThrow().getId();
    int[] priority = {50};
    Runnable colleagueChangesATask = () -> tasks.setPriority(colleaguesTask, priority[0] = 101 - priority[0]);
    Runnable nothing = () -> { };
    Map<String, Stats> changed = new LinkedHashMap<>();
    Map<String, Stats> unchanged = new LinkedHashMap<>();
    Map<String, Double> cpu = new LinkedHashMap<>();
    requests.forEach((name, request) -> {
      changed.put(name, bench.measure(request, warmUp, queries, colleagueChangesATask));
      cpu.put(name, bench.cpuMillisPerRequest());
      unchanged.put(name, bench.measure(request, warmUp, queries, nothing));
    });

    if (Boolean.getBoolean("bench.tasklist-sql")) {
      slowestStatements("the filter counts", filterCounts, bench, colleagueChangesATask);
      slowestStatements("the HAL filter list", halFilterList, bench, colleagueChangesATask);
    }
    report.append("\n### 2. Task list as Tasklist asks for it (user `ines`, instructional-designers, HTTP Basic, authorization on, ")
        .append(databaseName).append(")\n\n")
        .append(total).append(" open tasks (").append(designers).append(" offered to instructional-designers), created in ")
        .append(Stats.format(seedSeconds, 0)).append(" s; ").append(queries).append(" sequential requests each after ")
        .append(warmUp).append(" warm-up requests, each request after a colleague's change to one task (not measured); ")
        .append("then the same with nothing changed in between; milliseconds.\n\n")
        .append("| request | p50 ms | p95 ms (target ≤ 50) | max ms | CPU ms/request | nothing changed: p50 / p95 ms |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    requests.keySet().forEach(name -> row(name, changed.get(name), cpu.get(name), unchanged.get(name)));
  }

  /** The slowest statements behind a request, with H2's statistics (H2 only; diagnostics: {@code -Dbench.tasklist-sql=true}). */
  private void slowestStatements(String what, Supplier<HttpRequest.Builder> request, TasklistBench bench, Runnable before) {
    org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    jdbc.execute("SET QUERY_STATISTICS TRUE");
    for (int i = 0; i < 5; i++) {
      before.run();
      bench.send(request.get());
    }
    List<Map<String, Object>> slowest = jdbc.queryForList("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME "
        + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' "
        + "ORDER BY CUMULATIVE_EXECUTION_TIME DESC LIMIT 3");
    jdbc.execute("SET QUERY_STATISTICS FALSE");
    report.append("\n#### Slowest statements of ").append(what).append(" (5 requests, each after a colleague's change)\n");
    for (Map<String, Object> row : slowest) {
      report.append("\n").append(row.get("EXECUTION_COUNT")).append(" executions, ")
          .append(Stats.format(((Number) row.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(), 1)).append(" ms in all:\n")
          .append("\n```sql\n").append(normalise(String.valueOf(row.get("SQL_STATEMENT")))).append("\n```\n");
    }
  }

  private void row(String request, Stats stats, double cpuMillis, Stats unchanged) {
    report.append("| ").append(request).append(" | ").append(Stats.format(stats.percentile(50), 1)).append(" | ")
        .append(Stats.format(stats.percentile(95), 1)).append(" | ").append(Stats.format(stats.max(), 1)).append(" | ")
        .append(Stats.format(cpuMillis, 1)).append(" | ").append(Stats.format(unchanged.percentile(50), 1)).append(" / ")
        .append(Stats.format(unchanged.percentile(95), 1)).append(" |\n");
  }

  // ---------------------------------------------------------------- 3. start-up

  private void startup() throws Exception {
    Path pedaflowJar = Path.of(System.getProperty("bench.jar", "target/pedaflow-1.0.0-SNAPSHOT.jar"));
    if (!Files.exists(pedaflowJar)) {
      report.append("\n### 3. Start-up\n\nNo packaged jar at ").append(pedaflowJar).append(": run `mvn -Pbench verify`.\n");
      return;
    }
    Path plainJar = PlainCamunda.build(OUT.resolve("logs"));
    StartupBench bench = new StartupBench(OUT.resolve("logs"));
    Map<String, String> admin = Map.of("PEDAFLOW_ADMIN_ID", "bench", "PEDAFLOW_ADMIN_PASSWORD", "Bench-Secret-2026!");
    List<StartupBench.Launch> launches = new ArrayList<>();
    StartupBench.Launch plain = new StartupBench.Launch("plain Camunda", plainJar, List.of(), Map.of(), "demo", "demo");
    StartupBench.Launch pedaflow = new StartupBench.Launch("Pedaflow", pedaflowJar, List.of(), admin, "bench", "Bench-Secret-2026!");
    launches.add(plain);
    launches.add(pedaflow);
    if (!Boolean.getBoolean("bench.skip-cds")) {
      launches.add(bench.withClassDataSharing(plain, OUT.resolve("cds-plain")));
      launches.add(bench.withClassDataSharing(pedaflow, OUT.resolve("cds-pedaflow")));
    }
    StartupBench.Launch launcher = bench.withLauncher("Pedaflow (bin/pedaflow)", Path.of("bin", "pedaflow"), pedaflow,
        OUT.resolve("launcher-runtime"));
    double preparation = bench.preparationSeconds();
    launches.add(launcher);
    Map<String, Stats[]> results = new LinkedHashMap<>();
    launches.forEach(l -> results.put(l.name(),
        new Stats[] {new Stats(), new Stats(), new Stats(), new Stats(), new Stats(), new Stats()}));
    for (int round = 0; round < startupRounds; round++) {
      for (StartupBench.Launch launch : launches) {
        Path dir = OUT.resolve("startup").resolve(launch.name().replaceAll("\\W+", "-") + "-" + round);
        StartupBench.deleteRecursively(dir);
        String label = launch.name().replaceAll("\\W+", "-") + "-" + round;
        StartupBench.Start cold = bench.start(launch, dir, label + "-cold");
        StartupBench.Start warm = bench.start(launch, dir, label + "-warm");
        Stats[] stats = results.get(launch.name());
        stats[0].add(cold.seconds());
        stats[1].add(cold.rssMegabytes());
        stats[2].add(warm.seconds());
        stats[3].add(warm.rssMegabytes());
        stats[4].add(cold.cpuSeconds());
        stats[5].add(warm.cpuSeconds());
        System.out.printf("start-up round %d %s: cold %.2f s (CPU %.1f s) %.0f MB, warm %.2f s (CPU %.1f s) %.0f MB%n",
            round + 1, launch.name(), cold.seconds(), cold.cpuSeconds(), cold.rssMegabytes(), warm.seconds(),
            warm.cpuSeconds(), warm.rssMegabytes());
      }
    }
    report.append("\n### 3. Start-up to a ready REST API and resident memory (packaged jars)\n\n")
        .append(startupRounds).append(" rounds; each round starts every variant on a fresh H2 file database (cold) ")
        .append("and again on the same database (warm); RSS read ").append(StartupBench.SETTLE.toSeconds())
        .append(" s after the REST API answered; median (min–max).\n\n")
        .append("CPU s = user + system CPU time of the JVM when the REST API answered. ")
        .append("`bin/pedaflow` is the production launcher (class data sharing and `-XX:+UseSerialGC`); its one-time ")
        .append("preparation (extraction and training run) took ").append(Stats.format(preparation, 1))
        .append(" s and is not part of the start-up.\n\n")
        .append("| application | cold start s | cold CPU s | cold RSS MB | warm start s | warm CPU s | warm RSS MB |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    results.forEach((name, s) -> report.append("| ").append(name).append(" | ").append(s[0].spread(2)).append(" | ")
        .append(s[4].spread(1)).append(" | ").append(s[1].spread(0)).append(" | ").append(s[2].spread(2)).append(" | ")
        .append(s[5].spread(1)).append(" | ").append(s[3].spread(0)).append(" |\n"));
    Stats[] reference = results.get(plain.name());
    report.append("\n| ratio to plain Camunda (`java -jar`), medians | cold start (target ≤ 0.80) | cold CPU | cold RSS (target ≤ 1.10) | warm start | warm CPU | warm RSS |\n")
        .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    results.forEach((name, s) -> report.append("| ").append(name).append(" | ")
        .append(Stats.format(s[0].median() / reference[0].median(), 2)).append(" | ")
        .append(Stats.format(s[4].median() / reference[4].median(), 2)).append(" | ")
        .append(Stats.format(s[1].median() / reference[1].median(), 2)).append(" | ")
        .append(Stats.format(s[2].median() / reference[2].median(), 2)).append(" | ")
        .append(Stats.format(s[5].median() / reference[5].median(), 2)).append(" | ")
        .append(Stats.format(s[3].median() / reference[3].median(), 2)).append(" |\n"));
  }

  // ---------------------------------------------------------------- the application under test

  private static boolean embeddedPostgres() {
    return "postgres".equals(System.getProperty("bench.database"));
  }

  private static boolean onPostgres() {
    return embeddedPostgres() || System.getProperty("bench.database-url", "").startsWith("jdbc:postgresql");
  }

  private ConfigurableApplicationContext startApplication() {
    SpringApplication application = new SpringApplication(PedaflowApplication.class);
    application.setAdditionalProfiles("demo");
    String database = embeddedPostgres()
        ? org.pedaflow.resilience.TestPostgres.newDatabase("pedaflow_bench")
        // a database kept after the run, to study the plans of the task queries; by default in memory,
        // with the settings of application.yaml's H2 address that matter for speed (QUERY_CACHE_SIZE)
        : System.getProperty("bench.database-url", "jdbc:h2:mem:pedaflow-bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=128");
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=" + database,
        "--spring.datasource.username=" + System.getProperty("bench.database-user", onPostgres() ? "postgres" : "sa"),
        "--spring.datasource.password=",
        "--pedaflow.data-dir=" + OUT.resolve("data-" + System.currentTimeMillis()),
        "--server.port=0",
        "--camunda.bpm.webapp.enabled=false",
        "--spring.main.banner-mode=off",
        // the application logs as in production (INFO), to a file rather than the console
        "--logging.file.name=" + OUT.resolve("logs").resolve("pedaflow-bench.log"),
        "--logging.threshold.console=OFF"));
    String extra = System.getProperty("bench.app-args", "");
    for (String arg : extra.split("\\s+")) {
      if (!arg.isBlank()) {
        args.add(arg);
      }
    }
    return application.run(args.toArray(String[]::new));
  }

  /** The twins get the authorizations the real models have, so that both run with the same checks. */
  private static void deployBareTwins(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name("pedaflow-bench-bare")
        .addClasspathResource("bench/bare-teacher-onboarding.bpmn")
        .addClasspathResource("bench/bare-hybrid-course-labelling.bpmn")
        .addClasspathResource("bench/bare-learning-lab-purchase.bpmn")
        .addClasspathResource("bench/bare-hybrid-label-eligibility.dmn")
        .addClasspathResource("bench/bare-purchase-approval-level.dmn")
        .deploy();
    AuthorizationService authorizations = engine.getAuthorizationService();
    String onboarding = "bare-teacher-onboarding";
    String labelling = "bare-hybrid-course-labelling";
    String purchase = "bare-learning-lab-purchase";
    grant(authorizations, "hr", onboarding, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(authorizations, "teachers", labelling, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(authorizations, "teachers", purchase, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(authorizations, "teachers", onboarding, ProcessDefinitionPermissions.READ);
    grant(authorizations, "labelling-committee", labelling, ProcessDefinitionPermissions.READ);
    grant(authorizations, "finance", purchase, ProcessDefinitionPermissions.READ);
    for (String key : List.of(onboarding, labelling, purchase)) {
      grant(authorizations, "instructional-designers", key, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    }
    grant(authorizations, "instructional-designers", purchase, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(authorizations, "lab-managers", purchase, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
  }

  private static void grant(AuthorizationService authorizations, String group, String processKey, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION).resourceId(processKey).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(Resources.PROCESS_DEFINITION);
      authorization.setResourceId(processKey);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private static List<Scenario> deployed(ProcessEngine engine, List<Scenario> scenarios) {
    return scenarios.stream().filter(s -> engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(s.processKey()).count() > 0).toList();
  }

  private static void awaitNoExecutableJobs(ProcessEngine engine) {
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void machine(String when) throws IOException {
    double[] load = {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()};
    if (when.equals("before")) {
      String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
      long memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(0L);
      report.append("## Pedaflow benchmark — ").append(Instant.now()).append("\n\n")
          .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu)
          .append("), ").append(memory).append(" MB RAM, Java ").append(System.getProperty("java.version"))
          .append(". Load average before: ").append(Stats.format(load[0], 2)).append(".\n");
    } else {
      report.append("\nLoad average after: ").append(Stats.format(load[0], 2)).append(".\n");
    }
  }
}
