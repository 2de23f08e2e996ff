package dev.symbiont.sandbox.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The test image, built here because there is no registry: a root file system of Debian's static busybox with
 * every applet linked in /bin, a non-root user, /tmp, and a file to read for disk throttling, imported as one layer.
 */
final class BusyboxImage {

    static final String REPOSITORY = "symbiont/busybox";
    static final String TAG = "test";
    static final String NAME = REPOSITORY + ":" + TAG;

    /** Read with O_DIRECT by the disk throttling test. */
    static final String BLOB = "/var/blob";
    static final int BLOB_BYTES = 4 << 20;

    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final long FIXED_MTIME = 1_767_225_600_000L; // same bytes every build, so the digest is stable

    private BusyboxImage() {
    }

    /** Imports the image unless the engine already has this exact root file system; returns whether it imported. */
    static boolean ensure(DockerClient client, String dockerHost, Path stateDir) {
        byte[] rootfs = rootfs();
        String digest = sha256(rootfs);
        Path marker = stateDir.resolve("busybox-image.sha256");
        try {
            if (present(client) && Files.exists(marker) && Files.readString(marker).trim().equals(digest)) {
                return false;
            }
            importRootfs(dockerHost, rootfs);
            Files.writeString(marker, digest);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * POST /images/create?fromSrc=- with the tar as body. Not docker-java's createImageCmd: 3.7.1 sends the stream
     * as hijacked input after a JSON body, which the engine rejects ("Error processing tar file: unexpected EOF").
     */
    private static void importRootfs(String dockerHost, byte[] rootfs) throws IOException {
        URI host = URI.create(dockerHost);
        try (ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder().dockerHost(host).build()) {
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST)
                    .path("/images/create?fromSrc=-&repo=" + REPOSITORY + "&tag=" + TAG)
                    .putHeader("Content-Type", "application/x-tar")
                    .body(new ByteArrayInputStream(rootfs))
                    .build();
            try (DockerHttpClient.Response response = http.execute(request)) {
                String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                if (response.getStatusCode() != 200 || body.contains("\"error")) {
                    throw new IllegalStateException("importing " + NAME + " failed (" + response.getStatusCode()
                            + "): " + body);
                }
            }
        }
    }

    private static boolean present(DockerClient client) {
        try {
            client.inspectImageCmd(NAME).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static byte[] rootfs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String dir : List.of("bin/", "etc/", "proc/", "sys/", "dev/", "var/", "home/")) {
                directory(tar, dir, 0755);
            }
            directory(tar, "tmp/", 01777);
            file(tar, "bin/busybox", Files.readAllBytes(BUSYBOX), 0755);
            for (String applet : applets()) {
                TarArchiveEntry link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
                link.setLinkName("busybox");
                link.setModTime(FIXED_MTIME);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            file(tar, "etc/passwd", """
                    root:x:0:0:root:/root:/bin/sh
                    nobody:x:65534:65534:nobody:/tmp:/bin/sh
                    """.getBytes(StandardCharsets.US_ASCII), 0644);
            file(tar, "etc/group", "root:x:0:\nnogroup:x:65534:\n".getBytes(StandardCharsets.US_ASCII), 0644);
            byte[] blob = new byte[BLOB_BYTES];
            new Random(42).nextBytes(blob);
            file(tar, BLOB.substring(1), blob, 0644);
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the busybox root file system from " + BUSYBOX, e);
        }
        return bytes.toByteArray();
    }

    private static List<String> applets() {
        HostCommands.Outcome list = HostCommands.run(BUSYBOX.toString(), "--list");
        if (!list.ok()) {
            throw new IllegalStateException(BUSYBOX + " --list failed: " + list.output());
        }
        return list.output().lines().map(String::strip).filter(a -> !a.isEmpty() && !a.equals("busybox"))
                .filter(a -> a.matches("[A-Za-z0-9_.+\\[\\]-]+")).toList();
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~07777 | mode);
        entry.setModTime(FIXED_MTIME);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | mode);
        entry.setModTime(FIXED_MTIME);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
