package dev.symbiont.sandbox.docker;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.symbiont.sandbox.SandboxFailureException;
import dev.symbiont.sandbox.SandboxRequestRefusedException;
import dev.symbiont.sandbox.SandboxUnavailableException;
import java.io.IOException;
import java.net.URI;

/** Translates docker-java's exceptions into the sandbox's: what is missing, what was refused, what failed. */
final class EngineErrors {

    private EngineErrors() {
    }

    static RuntimeException whileCreating(RuntimeException e, DockerRuntime runtime, String image, URI host) {
        if (e instanceof NotFoundException) {
            return new SandboxRequestRefusedException(runtime.tier(),
                    "image " + image + " is not present on the Docker engine at " + host + " (nothing is pulled)");
        }
        if (e instanceof BadRequestException && String.valueOf(e.getMessage()).contains("runtime")) {
            return new SandboxUnavailableException(runtime.tier(), "OCI runtime '" + runtime.name()
                    + "' is not registered with the Docker engine at " + host + ": " + e.getMessage(), e);
        }
        return during(e, runtime, host, "creating a container");
    }

    static RuntimeException during(RuntimeException e, DockerRuntime runtime, URI host, String what) {
        if (!(e instanceof DockerException) && hasIoCause(e)) {
            return new SandboxUnavailableException(runtime.tier(), "Docker engine not reachable at " + host + ": "
                    + DockerEngine.rootMessage(e), e);
        }
        return new SandboxFailureException("Docker engine at " + host + " failed " + what + " (runtime "
                + runtime.name() + "): " + e.getMessage(), e);
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
