package dev.symbiont.it.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * While one client keeps replacing a policy and others keep asking, every answer comes from one whole snapshot.
 * Version A allows only agent n1, version B only agent n2 (tool.invoke, which nothing else allows): a batch asking
 * about both must see exactly one of them allowed; "both" or "neither" would be a half-built or mixed snapshot.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicySnapshotConsistencyIT {

    private static final Duration LOAD = Duration.ofSeconds(8);
    private final Api admin = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    private static String version(String id, String allowedAgent) {
        return """
                {"id": "%s", "rules": [{"id": "only", "effect": "allow", "actions": ["tool.invoke"],
                  "subject": {"agent_names": ["%s"]}}]}""".formatted(id, allowedAgent);
    }

    @Test
    void concurrentReplacementsNeverYieldAHalfBuiltSnapshot() throws Exception {
        String id = "swap-" + UUID.randomUUID().toString().substring(0, 8);
        String n1 = id + "-n1";
        String n2 = id + "-n2";
        assertThat(admin.post("/api/v1/policies", version(id, n1)).status()).isEqualTo(201);
        String batch = "{\"requests\": [{\"action\": \"tool.invoke\", \"subject\": {\"agent_name\": \"" + n1
                + "\"}}, {\"action\": \"tool.invoke\", \"subject\": {\"agent_name\": \"" + n2 + "\"}}]}";

        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Integer> patterns = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> writer = pool.submit(() -> {
                int replaced = 0;
                Instant end = Instant.now().plus(LOAD);
                while (Instant.now().isBefore(end)) {
                    String next = replaced % 2 == 0 ? n2 : n1;
                    assertThat(admin.put("/api/v1/policies/" + id, version(id, next)).status()).isEqualTo(200);
                    replaced++;
                }
                running.set(false);
                return replaced;
            });
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    while (running.get()) {
                        var results = admin.post("/api/v1/policies/evaluate/batch", batch).json()
                                .getJsonArray("results").getValuesAs(JsonObject.class);
                        String pattern = results.get(0).getString("decision") + "/" + results.get(1).getString("decision");
                        patterns.merge(pattern, 1, Integer::sum);
                    }
                    return null;
                }));
            }
            int replacements = writer.get();
            for (Future<?> reader : readers) {
                reader.get();
            }
            assertThat(replacements).as("policy replacements during the run").isGreaterThan(10);
        } finally {
            running.set(false);
            pool.shutdownNow();
        }

        assertThat(patterns.keySet()).as("decision pairs seen: %s", patterns)
                .containsExactlyInAnyOrder("allow/deny", "deny/allow");
        admin.delete("/api/v1/policies/" + id);
    }
}
