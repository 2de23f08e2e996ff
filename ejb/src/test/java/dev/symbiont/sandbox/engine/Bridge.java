package dev.symbiont.sandbox.engine;

/**
 * The private Linux bridge of the project's dockerd. dockerd only creates {@code docker0} itself, which a system
 * engine would share; with a bridge of its own the two never hand out the same addresses.
 */
final class Bridge {

    private Bridge() {
    }

    static void ensure(String name) {
        if (HostCommands.run("ip", "link", "show", name).ok()) {
            return;
        }
        String subnet = freeSubnet(name);
        check(HostCommands.run("ip", "link", "add", "name", name, "type", "bridge"), "create bridge " + name);
        check(HostCommands.run("ip", "addr", "add", subnet + ".1/24", "dev", name), "address bridge " + name);
        check(HostCommands.run("ip", "link", "set", name, "up"), "bring up bridge " + name);
    }

    static void remove(String name) {
        HostCommands.run("ip", "link", "del", name);
    }

    /** A 172.30.x.0/24 no interface or route of the host uses, starting from one derived from the name. */
    private static String freeSubnet(String name) {
        String used = HostCommands.run("ip", "-4", "-o", "addr").output()
                + HostCommands.run("ip", "-4", "route").output();
        int start = Math.floorMod(name.hashCode(), 256);
        for (int i = 0; i < 256; i++) {
            String candidate = "172.30." + ((start + i) % 256);
            if (!used.contains(candidate + ".")) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free 172.30.x.0/24 subnet for bridge " + name);
    }

    private static void check(HostCommands.Outcome outcome, String what) {
        if (!outcome.ok()) {
            throw new IllegalStateException("could not " + what + ": " + outcome.output());
        }
    }
}
