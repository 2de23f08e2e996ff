package dev.symbiont.audit.keys;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.chain.ChainLock;
import dev.symbiont.audit.chain.PendingEvents;
import dev.symbiont.audit.format.Ed25519;
import dev.symbiont.audit.format.PublishedKey;
import dev.symbiont.audit.format.RawKeySigner;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's audit signing key: generated into the keystore on first start, its public half published (with its
 * validity) in audit_signing_key so every node can serve every key. Rotation makes a new key current and closes
 * the old key's validity at the same instant, under the chain lock so no seal straddles the switch.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "symbiont.audit.keystore", defaultValue = "audit-signing.p12")
    Path keystoreFile;

    @Inject
    @ConfigProperty(name = "symbiont.audit.keystore-password")
    Optional<String> configuredPassword;

    private volatile Ed25519.Signer current;

    /** Loads (or on first start creates) the keystore and publishes the current key. */
    public void ensure() {
        NodeKeystore keystore = keystore();
        List<NodeKeystore.NodeKey> keys = keystore.exists() ? keystore.keys() : List.of();
        NodeKeystore.NodeKey newest = keys.isEmpty() ? keystore.generate(clock.instant()) : keys.getLast();
        withTransaction(connection -> {
            if (!isPublished(connection, newest.keyId())) {
                ChainLock.acquire(connection);
                retireCurrent(connection, newest.createdAt());
                publish(connection, newest);
            }
            return null;
        });
        current = new RawKeySigner(newest.privateKey());
        LOG.info(() -> "audit signing key " + newest.keyId() + " (keystore " + keystoreFile.toAbsolutePath() + ")");
    }

    public Ed25519.Signer current() {
        Ed25519.Signer signer = current;
        if (signer == null) {
            throw new IllegalStateException("the audit signing key is not loaded yet");
        }
        return signer;
    }

    /**
     * Makes a new key current; the rotation itself is an audit event. The switch instant is taken under the chain
     * lock, so every seal is signed at a time inside its key's validity.
     */
    public PublishedKey rotate(String actor) {
        Ed25519.Signer before = current();
        try {
            NodeKeystore.NodeKey next = withTransaction(connection -> {
                ChainLock.acquire(connection);
                NodeKeystore.NodeKey created = keystore().generate(clock.instant());
                retireCurrent(connection, created.createdAt());
                publish(connection, created);
                PendingEvents.insert(connection, List.of(AuditEntry.of(AuditEventType.SIGNING_KEY_ROTATED,
                        created.createdAt(), null, actor,
                        Map.of("old_key_id", before.keyId(), "new_key_id", created.keyId()))));
                current = new RawKeySigner(created.privateKey());
                return created;
            });
            return new PublishedKey(next.keyId(), Ed25519.publicKeyOf(next.privateKey()), next.createdAt(), null);
        } catch (RuntimeException e) {
            current = before;
            throw e;
        }
    }

    /** Every key any node ever signed with, oldest first (joins the caller's transaction, if any). */
    public List<PublishedKey> published() {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT key_id, public_key, valid_from, valid_to FROM audit_signing_key ORDER BY valid_from");
                 ResultSet rows = query.executeQuery()) {
                List<PublishedKey> keys = new ArrayList<>();
                while (rows.next()) {
                    OffsetDateTime validTo = rows.getObject(4, OffsetDateTime.class);
                    keys.add(new PublishedKey(rows.getString(1), rows.getBytes(2),
                            rows.getObject(3, OffsetDateTime.class).toInstant(),
                            validTo == null ? null : validTo.toInstant()));
                }
                return keys;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit signing keys: database failure", e);
        }
    }

    private static boolean isPublished(Connection connection, String keyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM audit_signing_key WHERE key_id = ?")) {
            query.setString(1, keyId);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Closes the validity of this node's current key, if it has one published. */
    private void retireCurrent(Connection connection, Instant at) throws SQLException {
        Ed25519.Signer signer = current;
        if (signer == null) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_signing_key SET valid_to = ? WHERE key_id = ? AND valid_to IS NULL")) {
            update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            update.setString(2, signer.keyId());
            update.executeUpdate();
        }
    }

    private static void publish(Connection connection, NodeKeystore.NodeKey key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_signing_key (key_id, public_key, valid_from) VALUES (?, ?, ?)")) {
            insert.setString(1, key.keyId());
            insert.setBytes(2, Ed25519.publicKeyOf(key.privateKey()));
            insert.setObject(3, OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private NodeKeystore keystore() {
        return new NodeKeystore(keystoreFile, password().toCharArray());
    }

    /** The configured password, else one generated on first start beside the keystore (owner-readable only). */
    private String password() {
        if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
            return configuredPassword.get();
        }
        Path file = keystoreFile.resolveSibling(keystoreFile.getFileName() + ".password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the keystore password file " + file, e);
        }
    }

    private <T> T withTransaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit signing keys: database failure", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
