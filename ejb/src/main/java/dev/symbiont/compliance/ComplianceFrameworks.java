package dev.symbiont.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The frameworks a report can be asked for: HIPAA, GDPR and SOX, plus any configured ones. Immutable. */
public final class ComplianceFrameworks {

    /** Prefix of the configuration properties that declare custom frameworks (see {@link #withCustom}). */
    public static final String CUSTOM_PREFIX = CustomFrameworkProperties.PREFIX;

    public static final ComplianceFramework HIPAA = BuiltInFrameworks.hipaa();
    public static final ComplianceFramework GDPR = BuiltInFrameworks.gdpr();
    public static final ComplianceFramework SOX = BuiltInFrameworks.sox();

    private final Map<String, ComplianceFramework> byName;

    private ComplianceFrameworks(List<ComplianceFramework> frameworks) {
        Map<String, ComplianceFramework> map = new LinkedHashMap<>();
        for (ComplianceFramework framework : frameworks) {
            if (map.putIfAbsent(framework.name(), framework) != null) {
                throw new IllegalArgumentException(CUSTOM_PREFIX + framework.name()
                        + ": a custom framework cannot replace the built-in '" + framework.name() + "'");
            }
        }
        this.byName = map;
    }

    public static ComplianceFrameworks builtIn() {
        return new ComplianceFrameworks(List.of(HIPAA, GDPR, SOX));
    }

    /**
     * The built-ins plus the custom frameworks declared in {@code properties} (keys without the
     * {@value #CUSTOM_PREFIX} prefix are ignored, so all configuration may be passed).
     *
     * @throws IllegalArgumentException naming the offending key when a declaration is incomplete or wrong
     */
    public static ComplianceFrameworks withCustom(Map<String, String> properties) {
        List<ComplianceFramework> all = new ArrayList<>(List.of(HIPAA, GDPR, SOX));
        all.addAll(CustomFrameworkProperties.parse(properties));
        return new ComplianceFrameworks(all);
    }

    /** The framework with this name, ignoring case. */
    public ComplianceFramework find(String name) {
        ComplianceFramework framework = name == null ? null : byName.get(name.strip().toLowerCase(Locale.ROOT));
        if (framework == null) {
            throw new UnknownFrameworkException(name, names());
        }
        return framework;
    }

    public List<ComplianceFramework> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
