package dev.symbiont.audit.keys;

import dev.symbiont.audit.format.Ed25519;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.EdECPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * This node's audit signing keys: Ed25519 private keys in a PKCS#12 keystore file outside the database, each under
 * its key id with a self-signed certificate (PKCS#12 wants one; its notBefore is when the key was made). The file
 * is rewritten atomically and readable by its owner only.
 */
final class NodeKeystore {

    /** A key of this node: its raw Ed25519 private key (32 bytes) and when it was created. */
    record NodeKey(String keyId, byte[] privateKey, Instant createdAt) {
    }

    private final Path file;
    private final char[] password;

    NodeKeystore(Path file, char[] password) {
        this.file = file;
        this.password = password.clone();
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Every key in the file, oldest first. */
    List<NodeKey> keys() {
        try {
            KeyStore store = load();
            List<NodeKey> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                PrivateKey key = (PrivateKey) store.getKey(alias, password);
                X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                keys.add(new NodeKey(alias, raw(key), certificate.getNotBefore().toInstant()));
            }
            keys.sort(Comparator.comparing(NodeKey::createdAt));
            return keys;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the audit signing keystore " + file
                    + " (wrong password? see README, 'Audit trail')", e);
        }
    }

    /** Generates a key, adds it to the file and returns it. */
    NodeKey generate(Instant now) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] raw = raw(pair.getPrivate());
            String keyId = Ed25519.keyId(Ed25519.publicKeyOf(raw));
            Instant createdAt = now.truncatedTo(ChronoUnit.MICROS);
            KeyStore store = exists() ? load() : empty();
            store.setKeyEntry(keyId, pair.getPrivate(), password,
                    new Certificate[] {selfSigned(pair, keyId, createdAt)});
            save(store);
            return new NodeKey(keyId, raw, createdAt);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create an audit signing key in " + file, e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String keyId, Instant createdAt)
            throws OperatorCreationException, GeneralSecurityException {
        X500Name subject = new X500Name("CN=Symbiont audit signing key " + keyId);
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new java.security.SecureRandom()),
                Date.from(createdAt.truncatedTo(ChronoUnit.SECONDS)),
                Date.from(createdAt.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate())));
    }

    private static byte[] raw(PrivateKey key) {
        return ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new IllegalStateException("Ed25519 key without its private bytes"));
    }

    private KeyStore load() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private KeyStore empty() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        return store;
    }

    private void save(KeyStore store) throws GeneralSecurityException, IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
