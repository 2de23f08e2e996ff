package dev.symbiont.audit.bundle;

import dev.symbiont.audit.fixtures.ChainFixture;
import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.format.RawKeySigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Writes bundles of a fixture chain, and rewrites them the way someone tampering with an export would. */
public final class BundleFiles {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00.123456Z"), ZoneOffset.UTC);

    private BundleFiles() {
    }

    /** A bundle of events [first, last] (whole seals) under the chain's last checkpoint. */
    public static Path write(ChainFixture chain, long first, long last, Path file) {
        return write(chain, first, last, chain.checkpointDocument(first, last), file);
    }

    public static Path write(ChainFixture chain, long first, long last, CheckpointDocument checkpoint, Path file) {
        List<ChainedEvent> events = chain.events.subList((int) first, (int) last + 1);
        try (OutputStream out = Files.newOutputStream(file)) {
            new BundleWriter(chain.signer, CLOCK).write("audit bundle seq " + first + ".." + last, events.iterator(),
                    chain.sealsBetween(first, last).iterator(), checkpoint, out);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, byte[]> entries(Path bundle) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the bundle's entries, keeping its manifest as it is. */
    public static Path rewrite(Path bundle, Path file, Consumer<Map<String, byte[]>> edit) {
        Map<String, byte[]> entries = entries(bundle);
        edit.accept(entries);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in an entry's text. */
    public static void replaceFirst(Map<String, byte[]> entries, String name, String from, String to) {
        String text = new String(entries.get(name), StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(name + " does not contain " + from);
        }
        entries.put(name, text.replaceFirst(Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs a new manifest over the entries as they are now. */
    public static void resign(Map<String, byte[]> entries, RawKeySigner signer) {
        List<ManifestFile> files = BundleEntries.LISTED.stream()
                .map(name -> ManifestFile.of(name, entries.get(name))).toList();
        Manifest manifest = new ManifestSigner(signer).sign("re-signed", CLOCK.instant(), files);
        entries.put(BundleEntries.MANIFEST, AuditJson.write(AuditJson.toJson(manifest))
                .getBytes(StandardCharsets.UTF_8));
    }
}
