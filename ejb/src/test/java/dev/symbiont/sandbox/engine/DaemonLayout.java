package dev.symbiont.sandbox.engine;

import java.nio.file.Path;

/**
 * Where the project's own dockerd keeps things. State (images, containerd) lives under the project so a system
 * engine is never touched and the test image survives {@code mvn clean}; the configuration and log are build output.
 *
 * @param stateDir data root and containerd state, e.g. {@code <project>/.symbiont/docker}
 * @param runDir   exec root and API socket; short, since unix socket paths are limited to 107 bytes
 * @param buildDir daemon.json and dockerd.log, e.g. {@code <module>/target/docker-engine}
 */
record DaemonLayout(Path stateDir, Path runDir, Path buildDir) {

    Path dataRoot() {
        return stateDir.resolve("data");
    }

    Path execRoot() {
        return runDir.resolve("exec");
    }

    /** With the state, not the run dir: whatever run dir an earlier daemon had, the next start finds and stops it. */
    Path pidFile() {
        return stateDir.resolve("dockerd.pid");
    }

    Path socket() {
        return runDir.resolve("docker.sock");
    }

    Path configFile() {
        return buildDir.resolve("daemon.json");
    }

    Path logFile() {
        return buildDir.resolve("dockerd.log");
    }

    String dockerHost() {
        return "unix://" + socket();
    }
}
