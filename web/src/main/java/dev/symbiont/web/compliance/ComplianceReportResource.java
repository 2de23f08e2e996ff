package dev.symbiont.web.compliance;

import static dev.symbiont.web.problem.ApiExceptions.requireBody;

import dev.symbiont.audit.format.Hashes;
import dev.symbiont.compliance.job.ComplianceReports;
import dev.symbiont.compliance.job.ReportDownload;
import dev.symbiont.compliance.job.ReportStatus;
import dev.symbiont.compliance.render.ReportFormat;
import dev.symbiont.web.Params;
import dev.symbiont.web.problem.ApiExceptions;
import dev.symbiont.web.security.CurrentCaller;
import dev.symbiont.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Compliance reports for auditors: request one, follow its progress, download its files and their signed manifests.
 */
@Path("/compliance")
@RequestScoped
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
@Tag(name = "Compliance", description = "Compliance reports from the audit trail (HIPAA, GDPR, SOX, custom)")
public class ComplianceReportResource {

    @Inject
    ComplianceReports reports;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("frameworks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List frameworks", description = "The built-in and configured frameworks with the event "
            + "types they read and the checks they make.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ComplianceFrameworkResponse[].class)))
    public List<ComplianceFrameworkResponse> frameworks() {
        return reports.frameworks().stream().map(ComplianceFrameworkResponse::of).toList();
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a report", description = "Queues the report and returns at once; follow the "
            + "Location until status is succeeded (or failed). The period must be over.")
    @APIResponse(responseCode = "202", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ComplianceReportResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response request(@RequestBody(required = true) ComplianceReportRequest request) {
        requireBody(request, "a report request");
        ReportStatus queued = reports.request(request.framework(), request.from(), request.to(), caller.actor());
        URI href = reportUri(queued.request().id());
        return Response.accepted(ComplianceReportResponse.of(queued, href)).location(href).build();
    }

    @GET
    @Path("reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List reports", description = "The newest first.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ComplianceReportResponse[].class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<ComplianceReportResponse> list(@QueryParam("limit") String limit) {
        return reports.newest(Params.integer("limit", limit, 50, 1, 500)).stream()
                .map(report -> ComplianceReportResponse.of(report, reportUri(report.request().id()))).toList();
    }

    @GET
    @Path("reports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A report's progress", description = "percent_done while it runs; the files once done.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ComplianceReportResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ComplianceReportResponse get(@PathParam("id") String id) {
        UUID reportId = Params.uuid("id", id);
        return ComplianceReportResponse.of(reports.find(reportId), reportUri(reportId));
    }

    @GET
    @Path("reports/{id}/files/{format}")
    @Operation(summary = "Download a report file", description = "format: json, csv or pdf. 409 until the report "
            + "has succeeded.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response file(@PathParam("id") String id, @PathParam("format") String format) {
        ReportFormat reportFormat = format(format);
        return download(reports.file(Params.uuid("id", id), reportFormat), reportFormat.mediaType());
    }

    @GET
    @Path("reports/{id}/files/{format}/manifest")
    @Operation(summary = "Download a file's signed manifest", description = "Check it offline: java -jar "
            + "symbiont-audit-verifier-standalone.jar manifest --keys keys.json <manifest> <file>")
    @APIResponse(responseCode = "200", description = "The manifest (audit-verifier/FORMAT.md)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response manifest(@PathParam("id") String id, @PathParam("format") String format) {
        return download(reports.manifest(Params.uuid("id", id), format(format)), MediaType.APPLICATION_JSON);
    }

    private static Response download(ReportDownload file, String mediaType) {
        return Response.ok(file.content(), mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Repr-Digest", "sha-256=:"
                        + Base64.getEncoder().encodeToString(Hashes.sha256(file.content())) + ":")
                .build();
    }

    private static ReportFormat format(String format) {
        return ReportFormat.fromExtension(format).orElseThrow(() -> new ApiExceptions.InvalidParameter("format",
                "format must be one of " + Arrays.stream(ReportFormat.values()).map(ReportFormat::extension).toList()
));
    }

    private URI reportUri(UUID id) {
        return uriInfo.getBaseUriBuilder().path("compliance/reports").path(id.toString()).build();
    }
}
