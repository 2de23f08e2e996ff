package dev.symbiont.web.problem;

/** Errors raised by the REST layer itself; the domain's own exceptions live with the domain. */
public final class ApiExceptions {

    private ApiExceptions() {
    }

    /** No, malformed, unknown or inactive bearer token. */
    public static class AuthenticationRequired extends RuntimeException {
        public AuthenticationRequired(String message) {
            super(message);
        }
    }

    /** Authenticated, but the role does not allow this operation. */
    public static class AccessDenied extends RuntimeException {
        public AccessDenied(String message) {
            super(message);
        }
    }

    /** A query or path parameter that cannot be used as given. */
    public static class InvalidParameter extends RuntimeException {
        private final String parameter;

        public InvalidParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** The request body broke constraints of its wire record. */
    public static class InvalidBody extends RuntimeException {
        private final transient java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations;

        public InvalidBody(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations) {
            super("the request has " + violations.size() + " invalid field(s)");
            this.violations = violations;
        }

        public java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations() {
            return violations;
        }
    }

    /** The request has no body, or JSON null, where one is required. */
    public static class MissingBody extends RuntimeException {
        public MissingBody(String what) {
            super("the request body must be " + what);
        }
    }

    /** Fails with {@link MissingBody} when a required body is absent. */
    public static <T> T requireBody(T body, String what) {
        if (body == null) {
            throw new MissingBody(what);
        }
        return body;
    }

    /** The request body exceeds the configured limit. */
    public static class PayloadTooLarge extends RuntimeException {
        public PayloadTooLarge(long limit) {
            super("request body exceeds the limit of " + limit + " bytes");
        }
    }
}
