package dev.symbiont.web;

import dev.symbiont.web.problem.Problem;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, under /api/v1. Reusable error responses are added to the document by ProblemResponsesFilter. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Symbiont runtime API", version = "1",
                description = "Secure, policy-aware runtime for autonomous AI agents. Every error is "
                        + "application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = "apiKey"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "sym_<key id>_<secret>", description = "An API key issued by an admin")
public class SymbiontApplication extends Application {
}
