package dev.symbiont.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Settings Failsafe passes to the tests (see the arquillian-tests pom). */
public final class ItSettings {

    private ItSettings() {
    }

    public static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the ITs with ./mvnw verify");
        }
        return value;
    }

    public static int port(String name) {
        return Integer.parseInt(required(name));
    }

    public static String adminKey() {
        return required("symbiont.it.admin-key");
    }

    public static String baseUrl() {
        return "http://localhost:" + port("symbiont.it.http.port");
    }

    public static Path wlpHome() {
        return Path.of(required("symbiont.wlp.home"));
    }

    public static Path workDirectory() {
        try {
            return Files.createDirectories(Path.of(required("symbiont.it.work")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
