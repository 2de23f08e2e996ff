package dev.symbiont.web.security;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyRequest", description = "A key to issue")
public record ApiKeyRequest(
        @NotBlank @Size(max = 128) @Schema(examples = "ci-pipeline") String name,
        @NotBlank @Pattern(regexp = "admin|operator|auditor", message = "must be one of admin, operator, auditor")
        @Schema(enumeration = {"admin", "operator", "auditor"}) String role,
        @Future @Schema(description = "Optional expiry (RFC 3339)") Instant expiresAt) {
}
