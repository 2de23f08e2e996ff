package dev.symbiont.web.agent;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentCursor;
import dev.symbiont.agent.AgentPage;
import dev.symbiont.agent.AgentQuery;
import dev.symbiont.agent.AgentService;
import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.execution.AgentExecutions;
import dev.symbiont.execution.Execution;
import dev.symbiont.execution.ExecutionInput;
import dev.symbiont.lifecycle.AgentHistoryEntry;
import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.LifecycleCommand;
import dev.symbiont.lifecycle.LifecycleController;
import dev.symbiont.scheduler.AgentTasks;
import dev.symbiont.scheduler.queue.StoredTask;
import dev.symbiont.scheduler.queue.TaskInsertion;
import dev.symbiont.web.task.TaskListResponse;
import dev.symbiont.web.task.TaskRequest;
import dev.symbiont.web.task.TaskResponse;
import dev.symbiont.web.task.TaskTransitionResponse;
import dev.symbiont.web.task.UsageResponse;
import java.time.Duration;
import java.time.Instant;
import static dev.symbiont.web.problem.ApiExceptions.requireBody;

import dev.symbiont.web.Params;
import dev.symbiont.web.security.CurrentCaller;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agents and their lifecycle over HTTP. Thin: parse, call the core, map the result. */
@Path("/agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agents", description = "Agent definitions and lifecycle")
public class AgentResource {

    private static final String ID = "Agent id (UUID)";

    @Inject
    AgentService agents;

    @Inject
    LifecycleController lifecycle;

    @Inject
    AgentExecutions executions;

    @Inject
    AgentTasks tasks;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Register an agent",
            description = "The agent is created in Initializing and leaves it at once: for Ready when this node can "
                    + "run its configuration, for Failed (kept, with the reason) when it cannot.")
    @APIResponse(responseCode = "201", description = "Registered (ready or failed)",
            content = @Content(schema = @Schema(implementation = AgentResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@RequestBody(required = true) AgentRequest request) {
        Agent agent = agents.register(requireBody(request, "an agent definition").toDomain(), caller.get());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(agent.id().toString()).build())
                .tag(etag(agent)).entity(AgentResponse.of(agent)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List agents", description = "Oldest first, keyset-paged; filters combine with AND.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgentListResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public AgentListResponse list(
            @Parameter(description = "Comma-separated states, e.g. ready,running") @QueryParam("state") String state,
            @Parameter(description = "Part of the name, case-insensitive") @QueryParam("name") String name,
            @Parameter(description = "A capability the agent has") @QueryParam("capability") String capability,
            @Parameter(description = "public, internal, confidential or restricted")
            @QueryParam("data_sensitivity") String sensitivity,
            @Parameter(description = "Page size, 1 to 500 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        var query = new AgentQuery(states(state), name, capability,
                sensitivity == null ? null : Params.enumValue("data_sensitivity", sensitivity, DataSensitivity.class),
                cursor == null || cursor.isBlank() ? null : AgentCursor.decode(cursor),
                Params.integer("limit", limit, 50, 1, AgentQuery.MAX_LIMIT));
        AgentPage page = agents.list(query);
        return new AgentListResponse(page.items().stream().map(AgentResponse::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get an agent")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgentResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@Parameter(description = ID) @PathParam("id") String id) {
        Agent agent = agents.get(Params.uuid("id", id));
        return Response.ok(AgentResponse.of(agent)).tag(etag(agent)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Replace an agent's definition",
            description = "Allowed while the agent is ready or suspended. Send If-Match with the ETag you read to "
                    + "make sure you replace what you saw.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgentResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "InvalidConfiguration")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@Parameter(description = ID) @PathParam("id") String id,
                           @Parameter(description = "ETag of the agent as last read")
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(required = true) AgentRequest request) {
        Agent agent = agents.redefine(Params.uuid("id", id), requireBody(request, "an agent definition").toDomain(),
                caller.get(),
                Params.ifMatchRevision(ifMatch));
        return Response.ok(AgentResponse.of(agent)).tag(etag(agent)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Terminate an agent",
            description = "Moves the agent to Terminated and cancels its waiting tasks. The agent, its tasks and its "
                    + "history are kept, never deleted.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgentResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response delete(@Parameter(description = ID) @PathParam("id") String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Parameter(description = "Recorded in the history") @QueryParam("reason") String reason) {
        return transition(id, LifecycleCommand.TERMINATE, ifMatch, reason);
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get an agent's lifecycle status")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = AgentStatusResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public AgentStatusResponse status(@Parameter(description = ID) @PathParam("id") String id) {
        return AgentStatusResponse.of(agents.get(Params.uuid("id", id)));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get an agent's lifecycle history", description = "Every state change with time, actor "
            + "and reason, oldest first.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = HistoryResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HistoryResponse history(@Parameter(description = ID) @PathParam("id") String id,
                                   @Parameter(description = "Return entries after this entry id")
                                   @QueryParam("after") String after,
                                   @Parameter(description = "Page size, 1 to 500 (default 100)")
                                   @QueryParam("limit") String limit) {
        int pageSize = Params.integer("limit", limit, 100, 1, 500);
        List<AgentHistoryEntry> entries = agents.history(Params.uuid("id", id),
                Params.nonNegativeLong("after", after, 0), pageSize);
        Long next = entries.size() == pageSize ? entries.get(entries.size() - 1).id() : null;
        return new HistoryResponse(entries.stream().map(HistoryEntryResponse::of).toList(), next);
    }

    @POST
    @Path("{id}/execute")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Execute an agent in the sandbox",
            description = "Runs the agent's execution spec (image and command) with this input in the tier its risk "
                    + "assessment, its own preference and policy call for, and answers when it has ended (exit, "
                    + "timeout or memory kill). Policy action sandbox.exec decides first. Every attempt is recorded: "
                    + "GET .../executions. The body is optional.")
    @APIResponse(responseCode = "200", description = "Ran to an end; status and exit_code say how",
            content = @Content(schema = @Schema(implementation = ExecutionResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "SandboxRefused")
    @APIResponse(responseCode = "502", ref = "SandboxFailed")
    public Response execute(@Parameter(description = ID) @PathParam("id") String id,
                            @RequestBody(required = false) ExecuteRequest body) {
        Execution execution = executions.execute(Params.uuid("id", id),
                body == null ? new ExecutionInput(null, null) : body.toDomain(), caller.get());
        return Response.ok(ExecutionResponse.of(execution)).location(uriInfo.getBaseUriBuilder()
                .path("agents").path(id).path("executions").path(execution.id().toString()).build()).build();
    }

    @GET
    @Path("{id}/executions")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List an agent's executions", description = "Every attempt, oldest first, including "
            + "denied, refused, failed and interrupted ones.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ExecutionListResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ExecutionListResponse executions(@Parameter(description = ID) @PathParam("id") String id,
                                            @Parameter(description = "Return executions after this one (id)")
                                            @QueryParam("after") String after,
                                            @Parameter(description = "Page size, 1 to 50 (default 20)")
                                            @QueryParam("limit") String limit) {
        int pageSize = Params.integer("limit", limit, 20, 1, 50);
        List<Execution> page = executions.page(Params.uuid("id", id),
                after == null || after.isBlank() ? null : Params.uuid("after", after), pageSize);
        UUID next = page.size() == pageSize ? page.get(page.size() - 1).id() : null;
        return new ExecutionListResponse(page.stream().map(ExecutionResponse::of).toList(), next);
    }

    @GET
    @Path("{id}/executions/{executionId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get one execution of an agent")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ExecutionResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ExecutionResponse execution(@Parameter(description = ID) @PathParam("id") String id,
                                       @Parameter(description = "Execution id (UUID)")
                                       @PathParam("executionId") String executionId) {
        return ExecutionResponse.of(executions.find(Params.uuid("id", id), Params.uuid("executionId", executionId)));
    }

    @POST
    @Path("{id}/tasks")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Queue a task for the agent",
            description = "The task runs the agent's execution spec with this input in the sandbox when the "
                    + "scheduler places it: by priority with ageing, within the node's capacity, one task per agent "
                    + "at a time; a critical task may preempt lower ones. Policy resource.allocate (and sandbox.exec "
                    + "for the caller) decides first. With an idempotency key (body or Idempotency-Key header) a "
                    + "retry returns the first task with 200. The body is optional.")
    @APIResponse(responseCode = "201", description = "Queued",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "200", description = "A retry: the task this idempotency key queued",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response submitTask(@Parameter(description = ID) @PathParam("id") String id,
                               @HeaderParam("Idempotency-Key") String idempotencyKey,
                               @RequestBody(required = false) TaskRequest body) {
        UUID agentId = Params.uuid("id", id);
        TaskInsertion inserted = tasks.submit(agentId, body == null ? TaskRequest.empty(idempotencyKey)
                : body.toDomain(idempotencyKey), caller.get());
        var location = uriInfo.getBaseUriBuilder().path("agents").path(id).path("tasks")
                .path(inserted.task().id().toString()).build();
        return (inserted.created() ? Response.created(location) : Response.ok().location(location))
                .entity(TaskResponse.of(inserted.task())).build();
    }

    @GET
    @Path("{id}/tasks")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List an agent's tasks", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = TaskListResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TaskListResponse taskList(@Parameter(description = ID) @PathParam("id") String id,
                                     @Parameter(description = "Return tasks after this one (id)")
                                     @QueryParam("after") String after,
                                     @Parameter(description = "Page size, 1 to 100 (default 20)")
                                     @QueryParam("limit") String limit) {
        int pageSize = Params.integer("limit", limit, 20, 1, 100);
        List<StoredTask> page = tasks.page(Params.uuid("id", id),
                after == null || after.isBlank() ? null : Params.uuid("after", after), pageSize);
        UUID next = page.size() == pageSize ? page.get(page.size() - 1).id() : null;
        return new TaskListResponse(page.stream().map(TaskResponse::of).toList(), next);
    }

    @GET
    @Path("{id}/tasks/{taskId}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get one task of an agent")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TaskResponse task(@Parameter(description = ID) @PathParam("id") String id,
                             @Parameter(description = "Task id (UUID)") @PathParam("taskId") String taskId) {
        return TaskResponse.of(tasks.find(Params.uuid("id", id), Params.uuid("taskId", taskId)));
    }

    @GET
    @Path("{id}/tasks/{taskId}/transitions")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "A task's state changes", description = "Every transition the database recorded, oldest "
            + "first, from its submission on.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<TaskTransitionResponse> taskTransitions(@Parameter(description = ID) @PathParam("id") String id,
                                                        @PathParam("taskId") String taskId) {
        return tasks.transitions(Params.uuid("id", id), Params.uuid("taskId", taskId)).stream()
                .map(TaskTransitionResponse::of).toList();
    }

    @GET
    @Path("{id}/usage")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "What an agent consumed", description = "Executions (direct and scheduled) per status "
            + "with their summed run time, CPU time and output, the highest memory one reached, tasks per state, "
            + "and the resources its running task holds now. Per agent here, not in /metrics: 100,000 agents "
            + "would be 100,000 series.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = UsageResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public UsageResponse usage(@Parameter(description = ID) @PathParam("id") String id,
                               @Parameter(description = "From this instant (ISO-8601); default: 24 hours ago")
                               @QueryParam("since") String since) {
        Instant from = since == null || since.isBlank() ? Instant.now().minus(Duration.ofHours(24))
                : Params.instant("since", since);
        return UsageResponse.of(tasks.usage(Params.uuid("id", id), from));
    }

    @POST
    @Path("{id}/tasks/{taskId}/cancel")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Cancel a task", description = "A waiting task is cancelled at once (200). A running one "
            + "has its sandbox stopped and ends cancelled shortly after (202; poll the task). Policy decides it as "
            + "resource.allocate with operation = cancel (the shipped task-cancellation policy allows admins and "
            + "operators).")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "202", description = "Stopping",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response cancelTask(@Parameter(description = ID) @PathParam("id") String id,
                               @PathParam("taskId") String taskId) {
        StoredTask task = tasks.cancel(Params.uuid("id", id), Params.uuid("taskId", taskId), caller.get());
        return Response.status(task.state().isFinal() ? 200 : 202).entity(TaskResponse.of(task)).build();
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Path("{id}/{command: start|complete|suspend|resume|terminate}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Apply a lifecycle command",
            description = "start: Ready -> Running (task assigned). complete: Running -> Ready (task complete). "
                    + "suspend: Running -> Suspended (policy violation, resource constraints, operator); its running "
                    + "task goes back to the queue preempted and none of its tasks starts until it is resumed. "
                    + "resume: Suspended -> Running (policy cleared). terminate: Ready, Suspended or Failed -> "
                    + "Terminated (same as DELETE). The body is optional.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = AgentResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response command(@Parameter(description = ID) @PathParam("id") String id,
                            @Parameter(schema = @Schema(enumeration = {"start", "complete", "suspend", "resume",
                                    "terminate"})) @PathParam("command") String command,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @RequestBody(required = false) TransitionRequest body) {
        return transition(id, Params.enumValue("command", command, LifecycleCommand.class), ifMatch,
                body == null ? null : body.reason());
    }

    private Response transition(String id, LifecycleCommand command, String ifMatch, String reason) {
        Agent agent = lifecycle.apply(Params.uuid("id", id), command, caller.get(), reason,
                Params.ifMatchRevision(ifMatch));
        return Response.ok(AgentResponse.of(agent)).tag(etag(agent)).build();
    }

    private static EntityTag etag(Agent agent) {
        return new EntityTag(Long.toString(agent.revision()));
    }

    private static Set<AgentState> states(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        Set<AgentState> states = EnumSet.noneOf(AgentState.class);
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> states.add(Params.enumValue("state", s, AgentState.class)));
        return states;
    }
}
