package dev.symbiont.web.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "IssuedApiKey", description = "A new key and its token. The token is shown this once only.")
public record IssuedApiKeyResponse(ApiKeyResponse key,
                                   @Schema(description = "Send as 'Authorization: Bearer <token>'") String token) {
}
