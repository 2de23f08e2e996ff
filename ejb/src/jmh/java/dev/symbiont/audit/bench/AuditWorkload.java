package dev.symbiont.audit.bench;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.CanonicalJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * policy.decision events shaped as PolicyDecisionAuditor records them (action, matched rule ids, the subject, and a
 * deny's reason or an allow's conditions), about 300 bytes of details JSON each. A fixed pool, drawn from in turn:
 * building maps is the caller's work in production, not the trail's, so it stays out of the measured rounds.
 */
final class AuditWorkload {

    /** One pooled event: what an action records, and the stored forms the plain baseline writes as they are. */
    record Template(AuditEntry entry, String detailsJson, byte[] prevHash, byte[] chainHash) {
    }

    static final int POOL = 4096;
    private static final String[] ACTIONS = {"tool.invoke", "data.read", "data.write", "message.send",
        "sandbox.exec", "resource.allocate"};
    private static final String[] ROLES = {"operator", "analyst", "admin"};
    private static final String[] CAPABILITIES = {"db.read", "db.write", "http.fetch", "tool.invoke",
        "queue.publish", "sandbox.exec", "vector.search", "mail.send"};
    private static final String[] TOOLS = {"sql-query", "web-search", "pdf-extract", "ticket-update", "send-mail"};
    private static final String[] CONDITIONS = {"max_memory_mb", "max_cpu_cores", "sandbox_tier", "network_egress"};

    private final Template[] pool = new Template[POOL];
    private final AtomicLong next = new AtomicLong();

    AuditWorkload(long seed) {
        Random random = new Random(seed);
        UUID[] agents = new UUID[200];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = new UUID(random.nextLong(), random.nextLong());
        }
        for (int i = 0; i < POOL; i++) {
            int agent = random.nextInt(agents.length);
            int roll = random.nextInt(100);
            String decision = roll < 70 ? "allow" : roll < 85 ? "deny" : "allow_with_conditions";
            Map<String, Object> details = details(random, agents[agent], "agent-" + agent, decision);
            AuditEntry entry = new AuditEntry(AuditEventType.POLICY_DECISION, Instant.now(), agents[agent],
                    "apikey:ops-" + random.nextInt(20), decision, details);
            pool[i] = new Template(entry, CanonicalJson.write(details), bytes(random, 32), bytes(random, 32));
        }
    }

    /** The next {@code count} templates of the pool; thread-safe. */
    List<Template> next(int count) {
        long first = next.getAndAdd(count);
        List<Template> templates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            templates.add(template(first + i));
        }
        return templates;
    }

    Template template(long index) {
        return pool[(int) (index % POOL)];
    }

    /** The pool's entries, recorded at {@code at}: what an action hands to the trail. */
    static List<AuditEntry> entriesAt(List<Template> templates, Instant at) {
        List<AuditEntry> entries = new ArrayList<>(templates.size());
        for (Template t : templates) {
            AuditEntry e = t.entry();
            entries.add(new AuditEntry(e.type(), at, e.agentId(), e.actor(), e.decision(), e.details()));
        }
        return entries;
    }

    double averageDetailsBytes() {
        long total = 0;
        for (Template t : pool) {
            total += t.detailsJson().length();
        }
        return (double) total / POOL;
    }

    private static Map<String, Object> details(Random random, UUID agentId, String agentName, String decision) {
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        List<String> matched = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            matched.add("policy-" + Integer.toHexString(0x1000 + random.nextInt(0xefff)) + "/rule-"
                    + random.nextInt(1000));
        }
        TreeSet<String> capabilities = new TreeSet<>();
        for (int i = 2 + random.nextInt(3); i > 0; i--) {
            capabilities.add(CAPABILITIES[random.nextInt(CAPABILITIES.length)]);
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("agent_name", agentName);
        subject.put("role", ROLES[random.nextInt(ROLES.length)]);
        subject.put("resource", "agents/" + agentId + "/tools/" + TOOLS[random.nextInt(TOOLS.length)]);
        subject.put("capabilities", List.copyOf(capabilities));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", action);
        details.put("matched_rules", matched);
        details.put("subject", subject);
        switch (decision) {
            case "deny" -> {
                details.put("reason", "rule forbids " + action + " for this role on confidential data");
                details.put("rule_id", matched.getFirst());
            }
            case "allow_with_conditions" -> details.put("conditions",
                    List.of(CONDITIONS[random.nextInt(2)], CONDITIONS[2 + random.nextInt(2)]));
            default -> { }
        }
        return details;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
