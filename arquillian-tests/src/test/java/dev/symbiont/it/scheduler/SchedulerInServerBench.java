package dev.symbiont.it.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.scheduler.bench.SchedulerBenchResource;
import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.ItSettings;
import dev.symbiont.it.support.MachineLoad;
import dev.symbiont.it.support.TestDatabaseSession;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scheduler's cost inside the real server (issue 6): throughput of the scheduling core against the plain
 * ManagedExecutorService it runs on, the heap per registered idle agent, and the idle CPU with 100,000 of them.
 * A benchmark, not a test: Failsafe runs it only in the {@code server-bench} profile, so {@code ./mvnw verify}
 * never does. Run it on a machine as quiet as you can get, and read the lines starting with {@code #}:
 * <pre>
 * ./mvnw -o -Pserver-bench verify -pl arquillian-tests -am -Dit.test=SchedulerInServerBench
 * </pre>
 * It starts what every IT starts (the test PostgreSQL and the sandbox's Docker engine, by the launcher session
 * listeners), builds the modules it needs without their unit tests, and takes about three minutes on a quiet
 * machine with two cores. Options (system properties on that command line): {@code -Dbench.pairs=15} measured round
 * pairs after {@code -Dbench.warmup-pairs=5}, {@code -Dbench.agents=100000}, {@code -Dbench.in-flight=10000},
 * {@code -Dbench.tokens=2000} (work per task), {@code -Dbench.idle-seconds=20}, {@code -Dbench.max-load=4}
 * (it first waits up to 30 minutes, polling every 30 s, for the load average to come down to that, then runs anyway
 * and reports the load). The figures also go to {@code arquillian-tests/target/it-work/scheduler-in-server-bench.json}.
 *
 * <p>How: the runtime's EAR, unchanged, plus a bench-only web module at {@value #CONTEXT_ROOT}
 * ({@link SchedulerBenchResource}, JAX-RS; the server has no public servlet feature); the production EAR has no
 * such endpoint. The resource injects the runtime's executor {@code java:app/concurrent/symbiont-scheduler}
 * (virtual threads, default context propagation), so both ways run on the very executor the scheduler uses, in the
 * same JVM, beside the running runtime. In this order:
 * <ol>
 *     <li>throughput: 100,000 agents with one trivial task each per round (the JMH benchmark's 2,000 tokens of CPU,
 *     a few microseconds), at most 10,000 in flight. "Direct" (a) submits each task straight to the executor;
 *     "core" (b) submits it to a {@code SchedulingCore} whose node has room for exactly 10,000 such tasks and runs
 *     it when a decision pass starts it, the pass and the task on the same executor, exactly as
 *     {@code AgentScheduler} does ({@code DecisionPasses}, the runtime's class) minus the database and the sandbox.
 *     Rounds alternate a, b, a, b... (one HTTP request each, timed inside the server), so both see the same load;
 *     the figures are the medians of the measured rounds and the ratio b/a, both of the medians and per pair.</li>
 *     <li>idle CPU: the server process's CPU time (the OperatingSystem MXBean: every thread, GC and JIT included)
 *     over a quiet window, with 0 and then with 100,000 agents, as % of one core, with the busiest Java threads;
 *     beside it the CPU of PostgreSQL's processes over the same window, seen from here (the agent gauges count the
 *     agents there every 5 s).</li>
 *     <li>heap per idle agent: 100,000 agents inserted straight into the database (READY, no task), the used heap
 *     after full collections read inside the server with 0 and with 100,000 agents (before and after each idle
 *     window: the two readings with nothing changed between them are the noise); then after reading the oldest
 *     10,000 of them through the API (500 a page) and after reading all of them: what the other 90,000 add is what
 *     reading leaves behind per agent, while the listing's one-time warm-up (classes, query plans, buffers) falls
 *     on the first 10,000. The runtime keeps no per-agent state in memory (the scheduling core holds only agents
 *     with tasks; the caches are of verified API keys), so the expected answer is about zero.</li>
 * </ol>
 * Idle and heap come after the rounds so that the code paths are compiled and the caches warm; the rounds' workload
 * is dropped first, and the probes are used once before they measure.
 *
 * <p>Limits: the JMH benchmark (ejb, SchedulerThroughputBenchmark) is the same workload outside the server against
 * a JDK virtual-thread executor; here the executor adds Liberty's context capture and its own bookkeeping per task,
 * which is the point. The core round has no database and no sandbox: it measures the scheduler's own overhead, not
 * a task's life. A round is about half a second, so single rounds scatter; only the medians mean something. The
 * heap reading is whole-heap: what other threads allocate between a collection and its reading, and the server's
 * slow drift (about 0.3 to 0.6 MB between two readings 25 s apart here), is noise of about 6 bytes per agent at
 * 100,000 agents; a cost below that cannot be seen.
 * Inserted agents were never loaded by the runtime until the listing; agents registered through the API would in
 * addition have left audit events to chain (not per-agent state either). Idle CPU is a 20 s sample of a process
 * that also runs the audit sealer, the gauges and Liberty's own timers: it is the runtime's idle cost, not the
 * agents' alone, hence the comparison with 0 agents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SchedulerInServerBench {

    private static final String CONTEXT_ROOT = "/symbiont-bench";
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int pairs = Integer.getInteger("bench.pairs", 15);
    private final int warmupPairs = Integer.getInteger("bench.warmup-pairs", 5);
    private final int agents = Integer.getInteger("bench.agents", 100_000);
    private final int inFlight = Integer.getInteger("bench.in-flight", 10_000);
    private final int tokens = Integer.getInteger("bench.tokens", 2_000);
    private final Duration idle = Duration.ofSeconds(Integer.getInteger("bench.idle-seconds", 20));
    private final double maxLoad = Double.parseDouble(System.getProperty("bench.max-load", "4"));
    private final JsonObjectBuilder report = Json.createObjectBuilder();
    private double loadAtStart;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        WebArchive bench = ShrinkWrap.create(WebArchive.class, "symbiont-bench.war")
                .addPackage(SchedulerBenchResource.class.getPackage());
        return Deployments.runtimeEarWith(bench, CONTEXT_ROOT);
    }

    @Test
    void schedulerThroughputAgainstItsManagedExecutorHeapPerIdleAgentAndIdleCpu() throws Exception {
        loadAtStart = MachineLoad.awaitAtMost(maxLoad, Duration.ofSeconds(30), Duration.ofMinutes(30));
        report.add("load_at_start", loadAtStart);
        Thread.sleep(SETTLE); // the just-deployed application's startup work
        JsonObject setup = post("/throughput?agents=" + agents + "&in_flight=" + inFlight + "&tokens=" + tokens);
        report.add("setup", setup);
        assertThat(setup.getBoolean("virtual_threads")).as("the scheduler's executor runs virtual threads").isTrue();
        assertThat(setup.getBoolean("application_context_on_task_threads")).as("context propagation").isTrue();
        Throughput throughput = throughput();
        post("/throughput/release");

        // after the rounds, so that the code paths are compiled and the server's caches warm; the probes' own first
        // use (management beans and their caches) is not measured either
        post("/idle-cpu?seconds=1");
        usedHeap();
        Thread.sleep(SETTLE);
        HeapAndCpu empty = heapAndIdleCpu("0 agents");
        insertIdleAgents();
        Thread.sleep(SETTLE); // the agent gauges count them at least once
        HeapAndCpu registered = heapAndIdleCpu(String.format("%,d agents", agents));
        long listedTenth = listAgentsThroughTheApi(agents / 10);
        long listedAll = listAgentsThroughTheApi(agents);
        report.add("heap_after_listing_bytes", Json.createArrayBuilder().add(listedTenth).add(listedAll));
        report.add("load_at_end", MachineLoad.now());

        printThroughput(setup, throughput);
        printFootprint(empty, registered, listedTenth, listedAll);
        Files.writeString(ItSettings.workDirectory().resolve("scheduler-in-server-bench.json"),
                report.build().toString());
        assertThat(throughput.direct()).hasSize(pairs);
        assertThat(throughput.core()).hasSize(pairs);
    }

    /** Heap after full collections before and after an idle window, and the CPU of that window. */
    private record HeapAndCpu(long heapBefore, long heapAfter, JsonObject liberty, double databasePercent) {

        long heap() {
            return (heapBefore + heapAfter) / 2;
        }

        long noise() {
            return Math.abs(heapAfter - heapBefore);
        }
    }

    private HeapAndCpu heapAndIdleCpu(String label) throws Exception {
        long before = usedHeap();
        Optional<Long> databaseBefore = databaseCpuNanos();
        long wallBefore = System.nanoTime();
        JsonObject liberty = post("/idle-cpu?seconds=" + idle.toSeconds());
        long wall = System.nanoTime() - wallBefore;
        double database = databaseBefore.flatMap(b -> databaseCpuNanos().map(a -> 100.0 * (a - b) / wall))
                .orElse(Double.NaN);
        long after = usedHeap();
        report.add(label, Json.createObjectBuilder().add("heap_before_idle_bytes", before)
                .add("heap_after_idle_bytes", after).add("idle_cpu", liberty)
                .add("database_percent_of_one_core", Double.isNaN(database) ? -1 : database));
        return new HeapAndCpu(before, after, liberty, database);
    }

    /** Used heap after full collections, the lowest of five readings. */
    private long usedHeap() throws Exception {
        return post("/heap?collections=5").getJsonArray("used_bytes").getValuesAs(JsonNumber.class).stream()
                .mapToLong(JsonNumber::longValue).min().orElseThrow();
    }

    /** The measured rounds: tasks/s of each way, decision passes per core round, the load after each pair. */
    private record Throughput(List<Double> direct, List<Double> core, List<Double> passes, List<Double> loads) {
    }

    private Throughput throughput() throws Exception {
        for (int i = 0; i < warmupPairs; i++) {
            post("/throughput/round?way=direct");
            post("/throughput/round?way=core");
        }
        Throughput measured = new Throughput(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int i = 0; i < pairs; i++) {
            measured.direct().add(tasksPerSecond(post("/throughput/round?way=direct")));
            JsonObject core = post("/throughput/round?way=core");
            measured.core().add(tasksPerSecond(core));
            measured.passes().add((double) core.getJsonNumber("decision_passes").longValue());
            measured.loads().add(MachineLoad.now());
        }
        report.add("direct_tasks_per_second", Json.createArrayBuilder(measured.direct()))
                .add("core_tasks_per_second", Json.createArrayBuilder(measured.core()))
                .add("core_decision_passes", Json.createArrayBuilder(measured.passes()))
                .add("load_during_rounds", Json.createArrayBuilder(measured.loads()));
        return measured;
    }

    private static double tasksPerSecond(JsonObject round) {
        return round.getInt("tasks") * 1e9 / round.getJsonNumber("nanos").longValue();
    }

    /** READY agents with no task, as registered through the API but without their history and audit events. */
    private void insertIdleAgents() throws SQLException {
        long started = System.nanoTime();
        try (Connection c = TestDatabaseSession.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO agent (id, name, version, capabilities, memory_mb, cpu_cores, disk_io_mbps,
                         network_io_mbps, execution_timeout_ms, sandbox_tier, requires_network, requires_filesystem,
                         external_apis, data_sensitivity, state, state_changed_at, created_at, created_by,
                         updated_at, row_version)
                     SELECT gen_random_uuid(), 'idle-' || i, '1', '{}', 64, 0.5, 20, 0, 30000, 'AUTO', false, false,
                         '{}', 'PUBLIC', 'READY', now(), now(), 'scheduler-bench', now(), 0
                     FROM generate_series(1, ?) AS i""")) {
            insert.setInt(1, agents);
            assertThat(insert.executeUpdate()).isEqualTo(agents);
        }
        System.out.printf("# %,d idle agents inserted in %.1f s%n", agents, (System.nanoTime() - started) / 1e9);
    }

    /** Reads the oldest {@code count} agents through the API, page by page, and returns the used heap afterwards. */
    private long listAgentsThroughTheApi(int count) throws Exception {
        Api admin = Api.asAdmin();
        long started = System.nanoTime();
        int seen = 0;
        String cursor = null;
        do {
            String after = cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            Api.Reply page = admin.get("/api/v1/agents?limit=500" + after);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonObject body = page.json();
            seen += body.getJsonArray("items").size();
            cursor = body.getString("next_cursor", null); // absent on the last page
        } while (cursor != null && seen < count);
        assertThat(seen).isGreaterThanOrEqualTo(count);
        System.out.printf("# %,d agents listed through the API in %.1f s%n", seen, (System.nanoTime() - started) / 1e9);
        return usedHeap();
    }

    /** CPU time of PostgreSQL's postmaster and its children so far, if they can be found from here. */
    private static Optional<Long> databaseCpuNanos() {
        try (Connection c = TestDatabaseSession.dataSource().getConnection();
             PreparedStatement show = c.prepareStatement("SHOW data_directory");
             ResultSet rs = show.executeQuery()) {
            rs.next();
            long pid = Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).map(postmaster -> Stream.concat(Stream.of(postmaster),
                            postmaster.descendants())
                    .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum());
        } catch (SQLException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private JsonObject post(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ItSettings.baseUrl() + CONTEXT_ROOT + path))
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
    }

    private void printThroughput(JsonObject setup, Throughput throughput) {
        System.out.printf("%n# Scheduler inside Liberty: %d processors, Java %s, load average %.2f at start%n",
                setup.getInt("processors"), setup.getString("java"), loadAtStart);
        System.out.printf("# executor java:app/concurrent/symbiont-scheduler: %s, virtual threads %s, application "
                + "context on task threads %s%n", setup.getString("executor"), setup.get("virtual_threads"),
                setup.get("application_context_on_task_threads"));
        System.out.printf("# workload: %,d agents, one task each per round, %,d in flight, node %s, %d tokens of work "
                        + "per task (%.2f us on one thread)%n", setup.getInt("agents"), setup.getInt("in_flight"),
                setup.getString("node"), setup.getInt("tokens"), setup.getJsonNumber("work_micros").doubleValue());
        double direct = median(throughput.direct());
        double core = median(throughput.core());
        List<Double> pairRatios = new ArrayList<>();
        for (int i = 0; i < throughput.direct().size(); i++) {
            pairRatios.add(throughput.core().get(i) / throughput.direct().get(i));
        }
        System.out.printf("# throughput, median of %d rounds each (after %d warm-up pairs), load average %.2f to "
                        + "%.2f during them:%n", pairs, warmupPairs, min(throughput.loads()), max(throughput.loads()));
        System.out.printf("#   straight to the ManagedExecutorService (a)  %,11.0f tasks/s   rounds %s%n", direct,
                rates(throughput.direct()));
        System.out.printf("#   through the scheduling core (b)            %,11.0f tasks/s   rounds %s%n", core,
                rates(throughput.core()));
        System.out.printf("#   ratio b/a: %.2f of the medians; median of the per-pair ratios %.2f (range %.2f to "
                + "%.2f)%n", core / direct, median(pairRatios), min(pairRatios), max(pairRatios));
        double passes = median(throughput.passes());
        System.out.printf("#   decision passes per core round: median %,.0f (%.1f tasks per pass)%n", passes,
                setup.getInt("agents") / passes);
    }

    private void printFootprint(HeapAndCpu empty, HeapAndCpu registered, long listedTenth, long listedAll) {
        System.out.printf("# heap after full collections (lowest of 5; before / after the idle window): 0 agents "
                        + "%s; %,d agents %s; after reading %,d of them through the API %s, all of them %s%n",
                mb(empty), agents, mb(registered), agents / 10, megabytes(listedTenth), megabytes(listedAll));
        System.out.printf("#   per registered idle agent: %+.1f bytes; noise between two readings with nothing "
                        + "changed: up to %.1f bytes per agent%n", perAgent(registered.heap() - empty.heap()),
                perAgent(Math.max(empty.noise(), registered.noise())));
        System.out.printf("#   per agent read through the API: %+.1f bytes (the last %,d read against the first %,d, "
                        + "which also paid the listing's one-time warm-up of %+.2f MB)%n",
                (listedAll - listedTenth) / (double) (agents - agents / 10), agents - agents / 10, agents / 10,
                (listedTenth - registered.heap()) / 1e6);
        System.out.printf("# idle CPU over %d s, %% of one core: 0 agents Liberty %.2f %%, PostgreSQL %.2f %%; %,d "
                        + "agents Liberty %.2f %%, PostgreSQL %.2f %% (load average %.2f at the end)%n",
                idle.toSeconds(), percent(empty), empty.databasePercent(), agents, percent(registered),
                registered.databasePercent(), MachineLoad.now());
        System.out.printf("#   busiest Liberty threads (ms): 0 agents %s; %,d agents %s%n", busiest(empty.liberty()),
                agents, busiest(registered.liberty()));
    }

    private double perAgent(long bytes) {
        return bytes / (double) agents;
    }

    private static double min(List<Double> values) {
        return values.stream().min(Double::compare).orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().max(Double::compare).orElse(Double.NaN);
    }

    private static String rates(List<Double> rates) {
        return rates.stream().map(r -> String.format("%,.0f", r)).toList().toString();
    }

    private static double percent(HeapAndCpu measured) {
        return measured.liberty().getJsonNumber("percent_of_one_core").doubleValue();
    }

    private static String mb(HeapAndCpu measured) {
        return megabytes(measured.heapBefore()) + " / " + megabytes(measured.heapAfter());
    }

    private static String megabytes(long bytes) {
        return String.format("%.2f MB", bytes / 1e6);
    }

    private static String busiest(JsonObject idleCpu) {
        return idleCpu.getJsonArray("busiest_threads").getValuesAs(JsonValue::asJsonObject).stream()
                .map(t -> t.getString("name") + " " + String.format("%.1f",
                        t.getJsonNumber("cpu_nanos").longValue() / 1e6))
                .toList().toString();
    }
}
