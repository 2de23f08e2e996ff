package dev.symbiont.it.agent;

import static dev.symbiont.it.support.AgentJson.json;
import static dev.symbiont.it.support.AgentJson.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.it.support.Api;
import dev.symbiont.it.support.Deployments;
import dev.symbiont.it.support.TestDatabaseSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two (or twenty) requests racing to change one agent: exactly one wins, the history shows exactly one change. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentTransitionIT {

    private static final int RACERS = 16;
    private final Api api = Api.asAdmin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.runtimeEar();
    }

    @RepeatedTest(3)
    void ofConcurrentIdenticalTransitionsExactlyOneSucceeds() throws Exception {
        String id = api.post("/api/v1/agents", json(valid("race"))).string("id");
        api.post("/api/v1/agents/" + id + "/start", "{}");

        List<Api.Reply> replies = race(i -> api.post("/api/v1/agents/" + id + "/suspend", "{\"reason\":\"racer " + i + "\"}"));

        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> {
                    assertThat(r.status()).as(r.toString()).isEqualTo(409);
                    assertThat(r.isProblem()).isTrue();
                });
        assertThat(transitionsTo(id, "SUSPENDED")).isEqualTo(1);
    }

    @Test
    void ofConflictingTransitionsExactlyOneSucceeds() throws Exception {
        String id = api.post("/api/v1/agents", json(valid("conflict"))).string("id");
        api.post("/api/v1/agents/" + id + "/start", "{}");

        // half try Running -> Suspended, half Running -> Ready: only one may happen
        List<Api.Reply> replies = race(i -> api.post("/api/v1/agents/" + id + (i % 2 == 0 ? "/suspend" : "/complete"),
                "{}"));

        assertThat(replies).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(RACERS - 1);
        String finalState = api.get("/api/v1/agents/" + id).string("state");
        assertThat(finalState).isIn("suspended", "ready");
        assertThat(transitionsTo(id, "SUSPENDED") + transitionsTo(id, "READY")).isEqualTo(2); // creation + 1
    }

    private interface Call {
        Api.Reply run(int racer);
    }

    private static List<Api.Reply> race(Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            var start = new CountDownLatch(1);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(racer);
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (var f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counted in the database itself, behind the API. */
    private static int transitionsTo(String agentId, String state) throws SQLException {
        try (Connection c = TestDatabaseSession.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT count(*) FROM agent_history WHERE agent_id = ? AND to_state = ? AND event = 'TRANSITION'")) {
            s.setObject(1, UUID.fromString(agentId));
            s.setString(2, state);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
