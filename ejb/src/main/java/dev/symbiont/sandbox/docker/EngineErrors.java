package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.SandboxFailureException;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.util.function.Predicate;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.DeadlineTimeoutException;

/** Translates docker-java's exceptions into the sandbox's: what is missing, what was refused, what failed. */
final class EngineErrors {

    private EngineErrors() {
    }

    static RuntimeException whileCreating(RuntimeException e, DockerRuntime runtime, String image,
                                          DockerEngine engine) {
        if (e instanceof NotFoundException) {
            return new SandboxRequestRefusedException(runtime.tier(), "image " + image
                    + " is not present on the Docker engine at " + engine.host() + " (nothing is pulled)");
        }
        if (e instanceof BadRequestException && String.valueOf(e.getMessage()).contains("runtime")) {
            return new SandboxUnavailableException(runtime.tier(), "OCI runtime '" + runtime.name()
                    + "' is not registered with the Docker engine at " + engine.host() + ": " + e.getMessage(), e);
        }
        return during(e, runtime, engine, "creating a container");
    }

    static RuntimeException during(RuntimeException e, DockerRuntime runtime, DockerEngine engine, String what) {
        if (noFreeConnection(e)) {
            return new SandboxUnavailableException(runtime.tier(), noFreeConnectionMessage(engine), e);
        }
        if (!(e instanceof DockerException) && hasCause(e, IOException.class::isInstance)) {
            return new SandboxUnavailableException(runtime.tier(), "Docker engine not reachable at " + engine.host()
                    + ": " + DockerEngine.rootMessage(e), e);
        }
        return new SandboxFailureException("Docker engine at " + engine.host() + " failed " + what + " (runtime "
                + runtime.name() + "): " + e.getMessage(), e);
    }

    /**
     * Whether the client gave up waiting for one of its pool's connections: the engine may be perfectly reachable.
     * httpclient5 reports it in two shapes, depending on whether the caller's wait or the pool noticed the deadline
     * first (when a connection is released just as it passes): a {@link ConnectionRequestTimeoutException}, or a
     * request failure caused by the pool's {@link DeadlineTimeoutException}. docker-java wraps either in a plain
     * RuntimeException, or hands it to a stream's callback.
     */
    static boolean noFreeConnection(Throwable e) {
        return hasCause(e, t -> t instanceof ConnectionRequestTimeoutException
                || t instanceof DeadlineTimeoutException);
    }

    static String noFreeConnectionMessage(DockerEngine engine) {
        return "no free connection to the Docker engine at " + engine.host() + " within "
                + DockerEngine.CONNECTION_WAIT.toSeconds() + " s: all " + engine.maxConnections() + " connections "
                + "allowed by symbiont.sandbox.engine-connections (SYMBIONT_SANDBOX_ENGINE_CONNECTIONS) are in use";
    }

    private static boolean hasCause(Throwable e, Predicate<Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }
}
