package dev.symbiont.audit.verifier;

import dev.symbiont.audit.bundle.AuditJson;
import dev.symbiont.audit.bundle.BundleReport;
import dev.symbiont.audit.bundle.BundleVerifier;
import dev.symbiont.audit.bundle.ManifestCheck;
import dev.symbiont.audit.bundle.ManifestVerifier;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.PublishedKey;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Verifies Symbiont audit exports without Symbiont: {@code java -jar symbiont-audit-verifier-*-standalone.jar}.
 * Exit status 0 valid, 1 verification failed, 2 usage error or unreadable input.
 */
public final class OfflineVerifier {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNUSABLE = 2;

    private final PrintStream out;
    private final PrintStream err;

    private OfflineVerifier(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (RuntimeException bug) {
            // exit 1 would claim the input failed verification; it was not verified at all
            bug.printStackTrace();
            status = UNUSABLE;
        }
        System.exit(status);
    }

    /** Runs one command line and returns the exit status (main exits with it; tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (Arguments.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(Arguments.USAGE);
            return UNUSABLE;
        }
        return new OfflineVerifier(out, err).run(arguments);
    }

    private int run(Arguments arguments) {
        if (arguments.command() == Arguments.Command.HELP) {
            out.println(Arguments.USAGE);
            return VALID;
        }
        try {
            KeySet keys = readKeys(arguments.keys());
            return arguments.command() == Arguments.Command.BUNDLE
                    ? verifyBundle(keys, arguments.files().get(0), arguments.maxFailures())
                    : verifyManifest(keys, arguments.files().get(0), arguments.files().subList(1,
                    arguments.files().size()));
        } catch (UnusableInputException e) {
            err.println("error: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private int verifyBundle(KeySet keys, Path bundle, int maxFailures) throws UnusableInputException {
        BundleReport report;
        try {
            report = new BundleVerifier(keys, maxFailures).verify(bundle);
        } catch (IOException e) {
            throw new UnusableInputException("cannot read " + bundle + " as an audit bundle (ZIP): " + describe(e));
        }
        ReportPrinter.printBundle(out, bundle, report);
        return report.valid() ? VALID : INVALID;
    }

    private int verifyManifest(KeySet keys, Path manifestFile, List<Path> files) throws UnusableInputException {
        Manifest manifest = readJson(manifestFile, "manifest", AuditJson::readManifest);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UnusableInputException("cannot read " + file + ": not a file");
            }
        }
        ManifestCheck check;
        try {
            check = new ManifestVerifier(keys).verifyFiles(manifest, files);
        } catch (IOException e) {
            throw new UnusableInputException("cannot read the files: " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(e.getMessage());
        }
        ReportPrinter.printManifest(out, manifestFile, manifest, check);
        return check.valid() ? VALID : INVALID;
    }

    private static KeySet readKeys(Path file) throws UnusableInputException {
        List<PublishedKey> keys = readJson(file, "keys", AuditJson::readKeysDocument);
        try {
            return KeySet.of(keys);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException("keys file " + file + ": " + e.getMessage());
        }
    }

    private static <T> T readJson(Path file, String what, Function<JsonObject, T> read)
            throws UnusableInputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnusableInputException("cannot read " + what + " file " + file + ": " + describe(e));
        }
        try {
            return read.apply(AuditJson.parse(text));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(what + " file " + file + " is not valid: " + e.getMessage());
        }
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : String.valueOf(e.getMessage());
    }

    /** Input that cannot be verified at all: exit status 2. */
    private static final class UnusableInputException extends Exception {

        private static final long serialVersionUID = 1L;

        UnusableInputException(String message) {
            super(message);
        }
    }
}
