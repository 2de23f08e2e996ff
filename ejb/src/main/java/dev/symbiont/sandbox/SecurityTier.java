package dev.symbiont.sandbox;

/**
 * The isolation an execution runs under (the seed's Multi-Tier Security), weakest first, so a policy's minimum
 * tier compares with {@link #compareTo}.
 */
public enum SecurityTier {

    /** Docker with runc: namespaces, cgroups and dropped capabilities on the host kernel. */
    TIER1,

    /** gVisor (runsc): the agent's system calls are served by a user-space kernel, not the host's. */
    TIER2
}
