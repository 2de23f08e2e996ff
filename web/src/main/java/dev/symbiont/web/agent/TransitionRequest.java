package dev.symbiont.web.agent;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitionRequest", description = "Why the state changes; recorded in the agent's history")
public record TransitionRequest(@Size(max = 1024) @Schema(examples = "maintenance window") String reason) {
}
