package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Ed25519;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.format.Seal;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an audit bundle ZIP as a stream: events and seals go out as they are read (never all in memory), each entry
 * hashed as it is written, and the signed manifest over them comes last.
 */
public final class BundleWriter {

    private final ManifestSigner manifestSigner;
    private final Clock clock;

    public BundleWriter(Ed25519.Signer signer, Clock clock) {
        this.manifestSigner = new ManifestSigner(signer);
        this.clock = clock;
    }

    /**
     * Writes the bundle to {@code out}, which is finished as a ZIP but left open.
     *
     * @param events     in seq order, whole seals (the export widens its range to them)
     * @param seals      the seals covering those events, in order
     * @param checkpoint a checkpoint containing every event, with inclusion proofs of the first and last
     * @return the manifest written as manifest.json
     */
    public Manifest write(String subject, Iterator<ChainedEvent> events, Iterator<Seal> seals,
                          CheckpointDocument checkpoint, OutputStream out) throws IOException {
        Instant createdAt = clock.instant();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<ManifestFile> files = new ArrayList<>();
        files.add(writeLines(zip, BundleEntries.EVENTS, createdAt, events, AuditJson::toJson));
        files.add(writeLines(zip, BundleEntries.SEALS, createdAt, seals, AuditJson::toJson));
        files.add(writeLines(zip, BundleEntries.CHECKPOINT, createdAt, List.of(checkpoint).iterator(),
                AuditJson::toJson));
        Manifest manifest = manifestSigner.sign(subject, createdAt, files);
        writeLines(zip, BundleEntries.MANIFEST, createdAt, List.of(manifest).iterator(), AuditJson::toJson);
        zip.finish();
        out.flush();
        return manifest;
    }

    private static <T> ManifestFile writeLines(ZipOutputStream zip, String name, Instant time, Iterator<T> items,
                                               Function<T, JsonObject> toJson) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time.toEpochMilli());
        zip.putNextEntry(entry);
        HashingOutputStream hashing = new HashingOutputStream(zip);
        Writer text = new BufferedWriter(new OutputStreamWriter(hashing, StandardCharsets.UTF_8));
        while (items.hasNext()) {
            text.write(AuditJson.write(toJson.apply(items.next())));
            text.write('\n');
        }
        text.flush();
        zip.closeEntry();
        return hashing.describe(name);
    }
}
