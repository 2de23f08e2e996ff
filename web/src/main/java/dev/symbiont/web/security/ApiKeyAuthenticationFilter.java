package dev.symbiont.web.security;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.security.ApiKeyToken;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.symbiont.security.ApiKeyService;
import dev.symbiont.security.Caller;
import dev.symbiont.web.problem.ApiExceptions;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;

/**
 * Zero trust at the door: every resource method needs a valid {@code Authorization: Bearer <api key>} and one of
 * the roles in its {@link RolesAllowed}, unless it is explicitly {@link PermitAll}. A method with neither
 * annotation is refused to everyone (fail closed), so a forgotten annotation cannot open an endpoint.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Context
    ResourceInfo resourceInfo;

    @Inject
    ApiKeyService apiKeys;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null || isPermitAll(method)) {
            return;
        }
        Caller caller = authenticate(request);
        currentCaller.set(caller);
        request.setSecurityContext(new CallerSecurityContext(caller, request.getSecurityContext().isSecure()));
        String[] allowed = rolesAllowed(method);
        if (Arrays.stream(allowed).noneMatch(role -> role.equalsIgnoreCase(caller.role().name()))) {
            String reason = "role " + caller.role().label() + " may not " + request.getMethod()
                    + " this resource; allowed: " + String.join(", ", allowed);
            recordFailure(request, reason, caller.keyId(), caller.actor());
            throw new ApiExceptions.AccessDenied(reason);
        }
    }

    private Caller authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw refused(request, "send an API key as 'Authorization: Bearer <key>'", null);
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw refused(request, "only the Bearer scheme is accepted", null);
        }
        String token = authorization.substring(BEARER.length()).strip();
        return apiKeys.authenticate(token).orElseThrow(() -> refused(request,
                "the API key is unknown, revoked or expired", ApiKeyToken.parse(token).map(ApiKeyToken::keyId)
                        .orElse(null)));
    }

    private ApiExceptions.AuthenticationRequired refused(ContainerRequestContext request, String reason,
                                                         String keyPrefix) {
        recordFailure(request, reason, keyPrefix, null);
        return new ApiExceptions.AuthenticationRequired(reason);
    }

    /** Kept whatever happens to the request: a refused caller is exactly what the trail must not lose. */
    private void recordFailure(ContainerRequestContext request, String reason, String keyPrefix, String actor) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("key_prefix", keyPrefix);
        details.put("method", request.getMethod());
        details.put("path", "/" + request.getUriInfo().getPath().replaceFirst("^/+", ""));
        audit.recordRegardless(AuditEntry.of(AuditEventType.AUTHENTICATION_FAILED, clock.instant(), null, actor,
                details));
    }

    private static boolean isPermitAll(Method method) {
        return method.isAnnotationPresent(PermitAll.class)
                || (!method.isAnnotationPresent(RolesAllowed.class)
                    && method.getDeclaringClass().isAnnotationPresent(PermitAll.class));
    }

    private static String[] rolesAllowed(Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null ? new String[0] : roles.value();
    }

    private record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller::actor;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.role().name().equalsIgnoreCase(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
