package dev.symbiont.compliance;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The frameworks this node reports under: the built-ins plus custom ones from MicroProfile Config. A custom
 * framework's name comes from {@value #NAMES} or from any {@value ComplianceFrameworks#CUSTOM_PREFIX}* key a
 * source lists; its attributes are then looked up key by key, the way MP Config maps a dotted key to an
 * environment variable (SYMBIONT_COMPLIANCE_CUSTOM_ACME_TITLE). An environment variable's own name cannot be
 * turned back into a dotted key (is EVENT_TYPES event-types or event.types?), so the listing is only used to find
 * names and typos. Read once; a mistake stops the start.
 */
@ApplicationScoped
public class ComplianceConfiguration {

    /** Comma-separated names of custom frameworks, for configuration sources that cannot list keys. */
    public static final String NAMES = "symbiont.compliance.custom-frameworks";

    private ComplianceFrameworks frameworks;

    @PostConstruct
    void read() {
        frameworks = read(ConfigProvider.getConfig());
    }

    public ComplianceFrameworks frameworks() {
        return frameworks;
    }

    static ComplianceFrameworks read(Config config) {
        String prefix = ComplianceFrameworks.CUSTOM_PREFIX;
        Set<String> names = new TreeSet<>();
        config.getOptionalValues(NAMES, String.class).orElse(List.of()).stream().map(String::strip)
                .filter(name -> !name.isEmpty()).forEach(names::add);
        List<String> listedKeys = new ArrayList<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(prefix) && key.indexOf('.', prefix.length()) > 0) {
                listedKeys.add(key);
                names.add(key.substring(prefix.length(), key.indexOf('.', prefix.length())));
            }
        }
        Map<String, String> properties = new TreeMap<>();
        Set<String> known = new HashSet<>();
        for (String name : names) {
            for (String key : CustomFrameworkProperties.possibleKeys(name)) {
                known.add(normalized(key));
                config.getOptionalValue(key, String.class).ifPresent(value -> properties.put(key, value));
            }
        }
        // A listed key that is no spelling of a known one is a typo: hand it over so parsing names it.
        for (String key : listedKeys) {
            if (!known.contains(normalized(key))) {
                properties.put(key, config.getOptionalValue(key, String.class).orElse(""));
            }
        }
        for (String name : names) {
            if (properties.keySet().stream().noneMatch(key -> key.startsWith(prefix + name + "."))) {
                throw new IllegalArgumentException(NAMES + " lists '" + name + "' but no " + prefix + name
                        + ".* property is set");
            }
        }
        return ComplianceFrameworks.withCustom(properties);
    }

    /**
     * Environment variable sources list SYMBIONT_COMPLIANCE_CUSTOM_ACME_EVENT_TYPES as
     * symbiont.compliance.custom.acme.event.types: compare keys the way MP Config maps them to variables.
     */
    private static String normalized(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }
}
