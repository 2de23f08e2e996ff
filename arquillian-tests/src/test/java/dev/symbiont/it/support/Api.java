package dev.symbiont.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the runtime's API, as any JAX-RS or curl client would use it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The API of the server under test, as its admin. */
    public static Api asAdmin() {
        return new Api(ItSettings.baseUrl(), ItSettings.adminKey());
    }

    public static Api at(String base, String token) {
        return new Api(base, token);
    }

    public Api withToken(String otherToken) {
        return new Api(base, otherToken);
    }

    public Api anonymous() {
        return new Api(base, null);
    }

    public Api header(String name, String value) {
        var copy = new Api(base, token);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Reply send(String method, String path, String body, String contentType) {
        var request = request(method, path, body, contentType);
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(), method, path);
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("ETag").orElse(null), response.body());
    }

    /** A GET whose body is binary (an export ZIP, a report): the bytes exactly as sent. */
    public Download download(String path) {
        HttpResponse<byte[]> response = exchange(request("GET", path, null, null),
                HttpResponse.BodyHandlers.ofByteArray(), "GET", path);
        return new Download(response.statusCode(), response.headers(), response.body());
    }

    private HttpRequest request(String method, String path, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return request.build();
    }

    private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body, String method,
                                                String path) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A binary response: status, headers and the body's bytes. */
    public record Download(int status, HttpHeaders headers, byte[] body) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " (" + body.length + " bytes)";
        }
    }

    /** A response: status, content type, ETag and body, with JSON accessors. */
    public record Reply(int status, String contentType, String etag, String body) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public String string(String field) {
            JsonValue value = json().get(field);
            return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : json().getString(field);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
