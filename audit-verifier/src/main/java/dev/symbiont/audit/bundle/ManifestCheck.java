package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.SignatureCheck;
import java.util.List;

/**
 * What checking a manifest found.
 *
 * @param signature the manifest signature's check
 * @param problems  one sentence per problem (signature, format, each file), empty when valid
 */
public record ManifestCheck(SignatureCheck signature, List<String> problems) {

    public ManifestCheck {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
