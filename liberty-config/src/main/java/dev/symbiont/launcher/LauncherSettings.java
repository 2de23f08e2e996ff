package dev.symbiont.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher needs to know, from environment variables (the same names the runtime reads) with defaults
 * for a development machine.
 */
record LauncherSettings(Path wlpHome, String serverName, Path dataDirectory, int embeddedDbPort, int httpPort,
                        Optional<String> externalDbUrl, Optional<Path> adminKeyFileSetting) {

    static LauncherSettings from(String[] args, Map<String, String> env) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: SymbiontLauncher <wlp home> <server name> <data directory>");
        }
        Path data = Path.of(env.getOrDefault("SYMBIONT_DATA_DIR", args[2])).toAbsolutePath();
        return new LauncherSettings(Path.of(args[0]).toAbsolutePath(), args[1], data,
                integer(env, "SYMBIONT_EMBEDDED_DB_PORT", 15432),
                integer(env, "SYMBIONT_HTTP_PORT", 9080),
                Optional.ofNullable(env.get("SYMBIONT_DB_URL")).filter(url -> !url.isBlank()),
                Optional.ofNullable(env.get("SYMBIONT_ADMIN_KEY_FILE")).filter(f -> !f.isBlank()).map(Path::of));
    }

    Path serverDirectory() {
        return wlpHome.resolve("usr/servers").resolve(serverName);
    }

    /** Where the runtime leaves a generated admin key: SYMBIONT_ADMIN_KEY_FILE, else server.xml's default. */
    Path adminKeyFile() {
        return adminKeyFileSetting.orElseGet(() -> serverDirectory().resolve("initial-admin-key"));
    }

    private static int integer(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'");
        }
    }
}
