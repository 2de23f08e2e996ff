package dev.symbiont.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The enforcement points a policy can speak about. Each has a stable name used in policy documents; the ordinal is
 * the engine's index into its per-action rule buckets.
 */
public enum PolicyAction {
    AGENT_CREATE("agent.create"),
    AGENT_TRANSITION("agent.transition"),
    MESSAGE_SEND("message.send"),
    MESSAGE_PUBLISH("message.publish"),
    RESOURCE_ALLOCATE("resource.allocate"),
    TOOL_INVOKE("tool.invoke"),
    DATA_READ("data.read"),
    DATA_WRITE("data.write"),
    SANDBOX_EXEC("sandbox.exec");

    private final String documentName;

    PolicyAction(String documentName) {
        this.documentName = documentName;
    }

    public String documentName() {
        return documentName;
    }

    public static Optional<PolicyAction> fromDocumentName(String name) {
        return Arrays.stream(values()).filter(a -> a.documentName.equals(name)).findFirst();
    }
}
