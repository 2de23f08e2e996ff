package dev.symbiont.policy;

/** CDI event fired inside the transaction that changed a policy; observed after that transaction commits. */
public record PolicyChanged(String policyId) {
}
