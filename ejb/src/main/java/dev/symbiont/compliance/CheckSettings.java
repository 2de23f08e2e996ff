package dev.symbiont.compliance;

/** The tunable parts of the check catalog; a framework's configuration may set them. */
public record CheckSettings(int maxFailedAuthenticationsPerHour) {

    /**
     * Twenty failed authentications in one hour: well above a client retrying with a revoked key a few times,
     * well below what guessing keys takes.
     */
    public static final CheckSettings DEFAULTS = new CheckSettings(20);

    public CheckSettings {
        if (maxFailedAuthenticationsPerHour < 0) {
            throw new IllegalArgumentException("max failed authentications per hour must not be negative");
        }
    }
}
