package dev.symbiont.sandbox.engine;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalDockerEngine} parameter: one engine for the whole test run, started on first use and
 * stopped when the run ends (the root store closes it). A machine where it cannot start fails the tests with the
 * reason; they never skip.
 */
public final class LocalDockerEngineExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalDockerEngine.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalDockerEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LocalDockerEngine.class, k -> LocalDockerEngine.start(), LocalDockerEngine.class);
    }
}
