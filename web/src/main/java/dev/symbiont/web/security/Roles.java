package dev.symbiont.web.security;

/** Role names for {@code @RolesAllowed}, matching {@link dev.symbiont.security.Role}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
