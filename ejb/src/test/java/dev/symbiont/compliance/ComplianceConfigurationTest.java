package dev.symbiont.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class ComplianceConfigurationTest {

    @Test
    void listedPropertiesDeclareACustomFramework() {
        var config = new FakeConfig(Map.of(
                "symbiont.compliance.custom.acme.title", "ACME",
                "symbiont.compliance.custom.acme.event-types", "policy.decision",
                "symbiont.compliance.custom.acme.checks", "denials-name-rule"), Map.of());

        assertThat(ComplianceConfiguration.read(config).find("acme").title()).isEqualTo("ACME");
    }

    @Test
    void environmentVariablesDeclareACustomFrameworkDespiteTheirListedNamesLosingHyphens() {
        var config = new FakeConfig(Map.of(), Map.of(
                "SYMBIONT_COMPLIANCE_CUSTOM_FRAMEWORKS", "acme",
                "SYMBIONT_COMPLIANCE_CUSTOM_ACME_TITLE", "ACME",
                "SYMBIONT_COMPLIANCE_CUSTOM_ACME_EVENT_TYPES", "policy.decision,auth.failed",
                "SYMBIONT_COMPLIANCE_CUSTOM_ACME_CHECKS", "denials-name-rule",
                "SYMBIONT_COMPLIANCE_CUSTOM_ACME_CLAUSE_DENIALS_NAME_RULE", "ACME-4.2"));

        ComplianceFramework acme = ComplianceConfiguration.read(config).find("ACME");

        assertThat(acme.eventTypes()).hasSize(2);
        assertThat(acme.checks()).singleElement().satisfies(c -> assertThat(c.clause()).isEqualTo("ACME-4.2"));
        assertThat(ComplianceConfiguration.read(config).names()).containsExactly("hipaa", "gdpr", "sox", "acme");
    }

    @Test
    void aMisspelledAttributeIsNamedNotIgnored() {
        var config = new FakeConfig(Map.of(
                "symbiont.compliance.custom.acme.title", "ACME",
                "symbiont.compliance.custom.acme.event-types", "policy.decision",
                "symbiont.compliance.custom.acme.checks", "denials-name-rule",
                "symbiont.compliance.custom.acme.cheks", "signed-checkpoint"), Map.of());

        assertThatThrownBy(() -> ComplianceConfiguration.read(config))
                .hasMessageContaining("symbiont.compliance.custom.acme.cheks: unknown attribute 'cheks'");
    }

    @Test
    void aNamedFrameworkWithoutAnyPropertyIsAMistakeNotAnEmptyFramework() {
        var config = new FakeConfig(Map.of(ComplianceConfiguration.NAMES, "acme,typo",
                "symbiont.compliance.custom.acme.title", "ACME",
                "symbiont.compliance.custom.acme.event-types", "policy.decision",
                "symbiont.compliance.custom.acme.checks", "denials-name-rule"), Map.of());

        assertThatThrownBy(() -> ComplianceConfiguration.read(config))
                .hasMessageContaining("lists 'typo' but no symbiont.compliance.custom.typo.* property is set");
    }

    @Test
    void withoutCustomFrameworksTheBuiltInsRemain() {
        assertThat(ComplianceConfiguration.read(new FakeConfig(Map.of(), Map.of())).names())
                .containsExactly("hipaa", "gdpr", "sox");
    }

    /**
     * Properties as a file source has them, and environment variables as Liberty's source has them: looked up by
     * the MP Config mapping, listed by their own names lower-cased with dots.
     */
    private record FakeConfig(Map<String, String> properties, Map<String, String> environment) implements Config {

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String value = properties.get(name);
            if (value == null) {
                String variable = name.replaceAll("[^A-Za-z0-9]", "_");
                value = environment.getOrDefault(variable, environment.get(variable.toUpperCase(Locale.ROOT)));
            }
            if (value == null) {
                return Optional.empty();
            }
            return Optional.of(type == String[].class ? (T) value.split(",") : type.cast(value));
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow();
        }

        @Override
        public Iterable<String> getPropertyNames() {
            List<String> names = new ArrayList<>(properties.keySet());
            environment.keySet().forEach(v -> names.add(v.toLowerCase(Locale.ROOT).replace('_', '.')));
            return names;
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }
    }
}
