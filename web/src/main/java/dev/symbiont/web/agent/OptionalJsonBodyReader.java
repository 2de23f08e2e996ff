package dev.symbiont.web.agent;

import dev.symbiont.web.JsonbConfiguration;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import dev.symbiont.web.task.TaskRequest;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads the optional body of the lifecycle verbs ({@code POST /agents/{id}/suspend} ...) and of execute: a client
 * may send JSON, or nothing at all and no Content-Type, as with a bare {@code curl -X POST}; the JAX-RS default
 * would answer 415.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class OptionalJsonBodyReader implements MessageBodyReader<Object> {

    private static final Set<Class<?>> OPTIONAL_BODIES = Set.of(TransitionRequest.class, ExecuteRequest.class,
            TaskRequest.class);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return OPTIONAL_BODIES.contains(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        String json = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        return json.isBlank() ? null : JsonbConfiguration.jsonb().fromJson(json, type);
    }
}
