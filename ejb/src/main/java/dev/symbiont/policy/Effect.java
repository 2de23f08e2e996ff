package dev.symbiont.policy;

/** What a matching rule says. */
public enum Effect {
    ALLOW, DENY, ALLOW_WITH_CONDITIONS;

    public String documentName() {
        return name().toLowerCase();
    }
}
