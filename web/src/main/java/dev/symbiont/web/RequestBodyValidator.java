package dev.symbiont.web;

import jakarta.inject.Inject;
import dev.symbiont.web.problem.ApiExceptions;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Validates every request body right after it is read, with the Bean Validation constraints of its wire record.
 * Doing it here (instead of {@code @Valid} on resource parameters) reports violations with paths rooted at the
 * body, and raises our own exception: the JAX-RS runtime has a built-in mapper for ConstraintViolationException
 * that would otherwise win over the one global mapper and answer in plain text.
 */
@Provider
public class RequestBodyValidator implements ReaderInterceptor {

    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body != null && body.getClass().getPackageName().startsWith("dev.symbiont.web")) {
            var violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new ApiExceptions.InvalidBody(violations);
            }
        }
        return body;
    }
}
