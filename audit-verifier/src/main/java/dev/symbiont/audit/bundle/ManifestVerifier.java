package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Hashes;
import dev.symbiont.audit.format.KeySet;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.format.SignatureCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Checks a manifest's signature and that the files at hand are exactly the ones it lists. */
public final class ManifestVerifier {

    private final KeySet keys;

    public ManifestVerifier(KeySet keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param actual what was found, by file name: every listed file must be there with its size and SHA-256, and
     *               nothing else may be. A name mapped to null is present but unreadable, a problem the caller
     *               reports; it is not compared.
     */
    public ManifestCheck verify(Manifest manifest, Map<String, ManifestFile> actual) {
        List<String> problems = new ArrayList<>();
        if (!Manifest.FORMAT.equals(manifest.format())) {
            problems.add("manifest format is \"" + manifest.format() + "\", expected \"" + Manifest.FORMAT + "\"");
        }
        SignatureCheck signature = keys.check(manifest.keyId(), manifest.createdAt(), manifest.statement(),
                manifest.signature());
        if (!signature.ok()) {
            problems.add("manifest " + keys.explain(signature, manifest.keyId(), manifest.createdAt()));
        }
        Set<String> listed = new HashSet<>();
        for (ManifestFile file : manifest.files()) {
            if (!listed.add(file.name())) {
                problems.add(file.name() + " is listed twice in the manifest");
                continue;
            }
            ManifestFile found = actual.get(file.name());
            if (found == null && actual.containsKey(file.name())) {
                continue;
            }
            if (found == null) {
                problems.add(file.name() + " is listed in the manifest but missing");
            } else if (found.size() != file.size()) {
                problems.add(file.name() + " has " + found.size() + " bytes, the manifest lists " + file.size());
            } else if (!Arrays.equals(found.sha256(), file.sha256())) {
                problems.add(file.name() + " has SHA-256 " + Hashes.prefix(found.sha256()) + ", the manifest lists "
                        + Hashes.prefix(file.sha256()));
            }
        }
        actual.keySet().stream()
                .filter(name -> !listed.contains(name))
                .forEach(name -> problems.add(name + " is not listed in the manifest"));
        return new ManifestCheck(signature, problems);
    }

    /** Files in memory, by name. */
    public ManifestCheck verifyContents(Manifest manifest, Map<String, byte[]> contents) {
        Map<String, ManifestFile> actual = new LinkedHashMap<>();
        contents.forEach((name, bytes) -> actual.put(name, ManifestFile.of(name, bytes)));
        return verify(manifest, actual);
    }

    /** Files on disk, matched to the manifest by file name. */
    public ManifestCheck verifyFiles(Manifest manifest, List<Path> files) throws IOException {
        Map<String, ManifestFile> actual = new LinkedHashMap<>();
        for (Path file : files) {
            ManifestFile described = describe(file);
            if (actual.put(described.name(), described) != null) {
                throw new IllegalArgumentException("two files are named " + described.name());
            }
        }
        return verify(manifest, actual);
    }

    /** Name, size and SHA-256 of a file, read once as a stream. */
    public static ManifestFile describe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             HashingInputStream hashing = new HashingInputStream(in)) {
            return hashing.drainAndDescribe(file.getFileName().toString());
        }
    }
}
