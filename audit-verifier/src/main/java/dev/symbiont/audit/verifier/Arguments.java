package dev.symbiont.audit.verifier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parsed command line: a command, the keys file and the files to check. */
record Arguments(Command command, Path keys, List<Path> files, int maxFailures) {

    enum Command { BUNDLE, MANIFEST, HELP }

    static final int DEFAULT_MAX_FAILURES = 100;

    static final String USAGE = """
            usage: java -jar symbiont-audit-verifier-VERSION-standalone.jar bundle --keys keys.json audit-bundle.zip
                   java -jar symbiont-audit-verifier-VERSION-standalone.jar manifest --keys keys.json manifest.json FILE...

              bundle     verify an audit bundle (GET /api/v1/audit/export): manifest, hash chain, seals, checkpoint
              manifest   verify a signed manifest and the exported files it lists (matched by file name)
              --keys     the signing keys as GET /api/v1/audit/keys returns them
              --max-failures N   report at most N failures (default 100)

            exit status: 0 valid, 1 verification failed, 2 usage error or unreadable input""";

    /** Thrown for a command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Arguments parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        if (List.of("-h", "--help", "help").contains(args[0])) {
            return new Arguments(Command.HELP, null, List.of(), DEFAULT_MAX_FAILURES);
        }
        Command command = switch (args[0]) {
            case "bundle" -> Command.BUNDLE;
            case "manifest" -> Command.MANIFEST;
            default -> throw new UsageException("unknown command \"" + args[0] + "\"");
        };
        Path keys = null;
        int maxFailures = DEFAULT_MAX_FAILURES;
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--keys" -> keys = Path.of(value(args, ++i, "--keys"));
                case "--max-failures" -> maxFailures = positive(value(args, ++i, "--max-failures"));
                default -> {
                    if (args[i].startsWith("--")) {
                        throw new UsageException("unknown option " + args[i]);
                    }
                    files.add(Path.of(args[i]));
                }
            }
        }
        if (keys == null) {
            throw new UsageException("--keys keys.json is required");
        }
        if (command == Command.BUNDLE && files.size() != 1) {
            throw new UsageException("bundle takes exactly one audit bundle ZIP, got " + files.size());
        }
        if (command == Command.MANIFEST && files.size() < 2) {
            throw new UsageException("manifest takes the manifest and at least one file");
        }
        return new Arguments(command, keys, List.copyOf(files), maxFailures);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String text) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--max-failures takes a positive number, not \"" + text + "\"");
    }
}
