package dev.symbiont.web.agent;

/** The environment variable names the API accepts: portable POSIX names, nothing a shell would mangle. */
final class EnvironmentNames {

    static final String PATTERN = "[A-Za-z_][A-Za-z0-9_]{0,127}";
    static final String MESSAGE = "must be an environment variable name: letters, digits and '_', not starting "
            + "with a digit";

    private EnvironmentNames() {
    }
}
