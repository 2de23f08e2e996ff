package dev.symbiont.sandbox.risk;

import java.util.List;

/**
 * Which images count as trusted code: those whose reference starts with a configured prefix (an operator's own
 * registry path, say {@code registry.example.com/vetted/}). Everything else is untrusted, including every image
 * when no prefix is configured.
 */
public record TrustedImages(List<String> prefixes) {

    public TrustedImages {
        prefixes = prefixes == null ? List.of() : prefixes.stream().filter(p -> !p.isBlank()).toList();
    }

    public CodeTrust trustOf(String image) {
        return prefixes.stream().anyMatch(image::startsWith) ? CodeTrust.TRUSTED : CodeTrust.UNTRUSTED;
    }
}
