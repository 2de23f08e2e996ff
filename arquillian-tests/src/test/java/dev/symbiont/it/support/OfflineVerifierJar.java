package dev.symbiont.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The standalone offline verifier jar the build ships, run as its users run it: {@code java -jar} in a process of
 * its own, with nothing of the test's class path.
 */
public final class OfflineVerifierJar {

    /** Exit status and everything the verifier printed (stdout and stderr together). */
    public record Outcome(int exitStatus, String output) {

        @Override
        public String toString() {
            return "exit " + exitStatus + ":\n" + output;
        }
    }

    private OfflineVerifierJar() {
    }

    public static Path jar() {
        Path jar = Path.of(ItSettings.required("symbiont.it.verifier.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: package audit-verifier first (./mvnw verify)");
        }
        return jar;
    }

    /** Runs {@code bundle --keys KEYS BUNDLE}; the output goes to a file beside the bundle. */
    public static Outcome verifyBundle(Path keys, Path bundle) throws IOException, InterruptedException {
        Path output = bundle.resolveSibling(bundle.getFileName() + ".verifier.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString(), "bundle", "--keys", keys.toString(), bundle.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the offline verifier did not finish within 60 s:\n" + Files.readString(output));
        }
        return new Outcome(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
