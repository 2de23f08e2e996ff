package dev.symbiont.security;

/** What an API key may do. Admin: everything. Operator: run agents. Auditor: read only. */
public enum Role {
    ADMIN, OPERATOR, AUDITOR;

    public String label() {
        return name().toLowerCase();
    }
}
