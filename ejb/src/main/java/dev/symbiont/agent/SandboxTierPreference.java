package dev.symbiont.agent;

/** Which sandbox tier the agent asks for; AUTO leaves the choice to risk assessment. Policy may only raise it. */
public enum SandboxTierPreference {
    AUTO, TIER1, TIER2
}
