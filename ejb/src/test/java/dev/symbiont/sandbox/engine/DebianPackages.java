package dev.symbiont.sandbox.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Installs the Debian packages the local engine needs, when missing and when allowed to (root). */
final class DebianPackages {

    /** iproute2 for the engine's bridge; usually there already. */
    static final List<String> NEEDED = List.of("docker.io", "runsc", "busybox-static", "iproute2");

    private static final Map<String, String> NONINTERACTIVE = Map.of("DEBIAN_FRONTEND", "noninteractive");

    private DebianPackages() {
    }

    static List<String> missing() {
        List<String> missing = new ArrayList<>();
        for (String name : NEEDED) {
            HostCommands.Outcome status = HostCommands.run("dpkg-query", "-W", "-f=${Status}", name);
            if (!status.ok() || !status.output().contains("install ok installed")) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** Installs what is missing; returns what it installed. */
    static List<String> ensureInstalled() {
        List<String> missing = missing();
        if (missing.isEmpty()) {
            return missing;
        }
        String command = "apt-get install -y " + String.join(" ", NEEDED);
        if (!HostCommands.isRoot()) {
            throw new IllegalStateException("The sandbox tests need a Docker engine with gVisor; packages missing: "
                    + missing + ". Run as root: " + command + " (or point SYMBIONT_TEST_DOCKER_HOST at an engine "
                    + "that has the runsc runtime registered).");
        }
        HostCommands.Outcome install = aptGetInstall();
        if (!install.ok()) {
            // A clean machine may have no package lists yet.
            HostCommands.run(List.of("apt-get", "update"), NONINTERACTIVE, 600);
            install = aptGetInstall();
        }
        if (!install.ok()) {
            throw new IllegalStateException(command + " failed (exit " + install.exitCode() + "):\n"
                    + HostCommands.tail(install.output(), 20));
        }
        return missing;
    }

    private static HostCommands.Outcome aptGetInstall() {
        List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=600"));
        command.addAll(NEEDED);
        return HostCommands.run(command, NONINTERACTIVE, 900);
    }
}
