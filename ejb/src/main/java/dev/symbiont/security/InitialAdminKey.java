package dev.symbiont.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure an administrator can get in after the first start. Automation supplies the admin token through
 * {@code SYMBIONT_ADMIN_KEY}; otherwise the first start generates one and writes it, owner-readable only, to
 * {@code symbiont.admin.key-file}: never to a log. The launcher prints it once and deletes the file.
 */
@ApplicationScoped
public class InitialAdminKey {

    private static final Logger LOG = Logger.getLogger(InitialAdminKey.class.getName());

    @Inject
    ApiKeyService apiKeys;

    @Inject
    @ConfigProperty(name = "symbiont.admin.key")
    Optional<String> configuredToken;

    @Inject
    @ConfigProperty(name = "symbiont.admin.key-file", defaultValue = "initial-admin-key")
    Path keyFile;

    public void ensure() {
        Optional<ApiKeyToken> configured = configuredToken.filter(t -> !t.isBlank())
                .map(text -> ApiKeyToken.parse(text).orElseThrow(() -> new IllegalStateException("SYMBIONT_ADMIN_KEY is not a Symbiont API key: expected "
                        + "sym_<12 chars a-z2-7>_<43 chars A-Za-z0-9_->; see README, 'API keys'")));
        apiKeys.bootstrapAdmin(configured).ifPresent(this::handOver);
    }

    private void handOver(IssuedApiKey issued) {
        try {
            Files.deleteIfExists(keyFile);
            Path parent = keyFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createFile(keyFile,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, issued.token().reveal() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the initial admin key to " + keyFile, e);
        }
        LOG.warning(() -> "First start: created admin API key " + issued.key().keyId() + ". Its token is in "
                + keyFile.toAbsolutePath() + " (readable by this user only): store it safely and delete the file.");
    }
}
