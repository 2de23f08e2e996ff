package dev.symbiont.it.scheduler.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The in-server half of SchedulerInServerBench, in a bench-only web module the test adds to the runtime's EAR (the
 * production EAR has no such endpoint). Each request measures one thing and answers JSON; the client decides the
 * order, interleaves the rounds and computes medians. Requests are served one at a time.
 *
 * <pre>
 * POST /throughput?agents=100000&amp;in_flight=10000&amp;tokens=2000   prepare the workload, describe the executor
 * POST /throughput/round?way=direct|core                          one round of every task, one way
 * POST /throughput/release                                        drop the workload
 * POST /heap?collections=3                                        used heap after full collections
 * POST /idle-cpu?seconds=20                                       the process's CPU over a quiet window
 * </pre>
 */
@Path("/")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SchedulerBenchResource {

    /** AgentScheduler.EXECUTOR (not referenced: that class needs MicroProfile Metrics on the class path). */
    static final String SCHEDULER_EXECUTOR = "java:app/concurrent/symbiont-scheduler";

    @Resource(lookup = SCHEDULER_EXECUTOR)
    ManagedExecutorService executor;

    private final ServerProbes probes = new ServerProbes();
    private ThroughputRounds rounds;

    @POST
    @Path("throughput")
    public synchronized JsonObject prepare(@QueryParam("agents") int agents, @QueryParam("in_flight") int inFlight,
                                           @QueryParam("tokens") int tokens)
            throws InterruptedException, ExecutionException {
        if (agents <= 0 || inFlight <= 0) {
            throw new BadRequestException("agents and in_flight must be positive");
        }
        rounds = new ThroughputRounds(executor, new TokenWork(tokens), agents, inFlight);
        boolean virtual = executor.submit(() -> Thread.currentThread().isVirtual()).get();
        boolean context = executor.submit(SchedulerBenchResource::applicationContextVisible).get();
        return Json.createObjectBuilder()
                .add("executor", executor.getClass().getName())
                .add("virtual_threads", virtual)
                .add("application_context_on_task_threads", context)
                .add("agents", rounds.tasks())
                .add("in_flight", rounds.inFlight())
                .add("node", rounds.node().describe())
                .add("tokens", tokens)
                .add("work_micros", rounds.work().microsPerRun())
                .add("processors", Runtime.getRuntime().availableProcessors())
                .add("java", Runtime.version().toString())
                .build();
    }

    /** Whether a task sees the application's naming context, which only a propagated context gives it. */
    private static boolean applicationContextVisible() {
        try {
            return InitialContext.doLookup(SCHEDULER_EXECUTOR) != null;
        } catch (NamingException e) {
            return false;
        }
    }

    @POST
    @Path("throughput/round")
    public synchronized JsonObject round(@QueryParam("way") String way) throws InterruptedException {
        if (rounds == null) {
            throw new BadRequestException("POST /throughput first");
        }
        long passesBefore = rounds.decisionPasses();
        long nanos = switch (String.valueOf(way)) {
            case "direct" -> rounds.direct();
            case "core" -> rounds.throughCore();
            default -> throw new BadRequestException("way is direct or core, not " + way);
        };
        return Json.createObjectBuilder().add("way", way).add("tasks", rounds.tasks()).add("nanos", nanos)
                .add("decision_passes", rounds.decisionPasses() - passesBefore).build();
    }

    /** Lets the workload go (the tasks and the core's structures), so that later heap readings do not hold it. */
    @POST
    @Path("throughput/release")
    public synchronized JsonObject release() {
        rounds = null;
        return Json.createObjectBuilder().add("released", true).build();
    }

    @POST
    @Path("heap")
    public synchronized JsonObject heap(@QueryParam("collections") int collections) {
        JsonArrayBuilder used = Json.createArrayBuilder();
        probes.usedHeapAfterFullCollections(Math.max(1, collections)).forEach(used::add);
        JsonArrayBuilder collectors = Json.createArrayBuilder();
        probes.collectors().forEach(collectors::add);
        return Json.createObjectBuilder().add("used_bytes", used).add("max_bytes", probes.maxHeap())
                .add("collectors", collectors).build();
    }

    @POST
    @Path("idle-cpu")
    public synchronized JsonObject idleCpu(@QueryParam("seconds") int seconds) throws InterruptedException {
        ServerProbes.IdleCpu idle = probes.idleCpu(Duration.ofSeconds(seconds), 5);
        JsonArrayBuilder busiest = Json.createArrayBuilder();
        for (ServerProbes.ThreadCpu thread : idle.busiestThreads()) {
            busiest.add(Json.createObjectBuilder().add("name", thread.name()).add("cpu_nanos", thread.cpuNanos()));
        }
        return Json.createObjectBuilder()
                .add("wall_nanos", idle.wallNanos())
                .add("process_cpu_nanos", idle.processCpuNanos())
                .add("percent_of_one_core", idle.percentOfOneCore())
                .add("busiest_threads", busiest)
                .build();
    }
}
