package dev.symbiont.it.support;

import dev.symbiont.sandbox.engine.LocalDockerEngine;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the project's Docker engine with gVisor (see LocalDockerEngine: installs the Debian packages if missing,
 * as root) before any test, so the Liberty server Arquillian starts finds it at SYMBIONT_SANDBOX_DOCKER_HOST, and
 * stops it when the test JVM is done. If it cannot start, the sandbox tests fail with the reason; nothing skips.
 */
public class TestSandboxEngineSession implements LauncherSessionListener {

    private static LocalDockerEngine engine;
    private static Throwable failure;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(LocalDockerEngine.RUN_DIR_PROPERTY) == null || engine != null) {
            return; // not under Failsafe, or already started
        }
        try {
            engine = LocalDockerEngine.start();
        } catch (RuntimeException | LinkageError e) {
            // Reported by the tests that need the engine; the others still run and say what they test.
            failure = e;
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    /** The engine the server under test uses; fails with the reason it could not start. */
    public static LocalDockerEngine engine() {
        if (engine == null) {
            throw new IllegalStateException("the test Docker engine did not start (run the ITs with ./mvnw verify"
                    + " as root, or set " + LocalDockerEngine.DOCKER_HOST_ENV + ")", failure);
        }
        return engine;
    }
}
