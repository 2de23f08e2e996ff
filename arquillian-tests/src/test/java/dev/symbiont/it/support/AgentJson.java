package dev.symbiont.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** Agent definitions for tests, as JSON a client would send. */
public final class AgentJson {

    private AgentJson() {
    }

    public static JsonObjectBuilder limits() {
        return Json.createObjectBuilder().add("memory_mb", 256).add("cpu_cores", 0.5).add("disk_io_mbps", 20)
                .add("network_io_mbps", 5).add("execution_timeout", "PT2M");
    }

    /** A valid definition with a unique name. */
    public static JsonObjectBuilder valid(String namePrefix) {
        return Json.createObjectBuilder()
                .add("name", namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8))
                .add("version", "1.0.0")
                .add("description", "integration test agent")
                .add("capabilities", Json.createArrayBuilder().add("summarize").add("search"))
                .add("resource_limits", limits())
                .add("sandbox_tier", "tier2")
                .add("requires_network", true)
                .add("requires_filesystem", false)
                .add("external_apis", Json.createArrayBuilder().add("https://api.example.com/v1"))
                .add("data_sensitivity", "confidential")
                .add("metadata", Json.createObjectBuilder().add("team", "risk").add("cost_center", "42"));
    }

    public static String json(JsonObjectBuilder builder) {
        return builder.build().toString();
    }

    public static String json(JsonObject object) {
        return object.toString();
    }
}
