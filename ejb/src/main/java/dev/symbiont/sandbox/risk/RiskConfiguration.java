package dev.symbiont.sandbox.risk;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The risk weights, threshold and trusted images from MP Config (symbiont.sandbox.risk.*), each defaulting to
 * {@link RiskWeights#DEFAULTS}. Read once; a weight out of range stops the start and names its key.
 */
@ApplicationScoped
public class RiskConfiguration {

    static final String PREFIX = "symbiont.sandbox.risk.";

    @Inject
    Config config;

    private RiskAssessor assessor;
    private TrustedImages trustedImages;

    @PostConstruct
    void load() {
        RiskWeights d = RiskWeights.DEFAULTS;
        RiskWeights weights;
        try {
            weights = new RiskWeights(Map.of(
                    DataSensitivity.PUBLIC, weight(config, "data-public",
                            d.dataSensitivity().get(DataSensitivity.PUBLIC)),
                    DataSensitivity.INTERNAL, weight(config, "data-internal",
                            d.dataSensitivity().get(DataSensitivity.INTERNAL)),
                    DataSensitivity.CONFIDENTIAL, weight(config, "data-confidential",
                            d.dataSensitivity().get(DataSensitivity.CONFIDENTIAL)),
                    DataSensitivity.RESTRICTED, weight(config, "data-restricted",
                            d.dataSensitivity().get(DataSensitivity.RESTRICTED))),
                    weight(config, "untrusted-code", d.untrustedCode()),
                    weight(config, "network-access", d.networkAccess()),
                    weight(config, "filesystem-access", d.filesystemAccess()),
                    weight(config, "external-integrations", d.externalIntegrations()),
                    weight(config, "tier2-threshold", d.tier2Threshold()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid risk configuration (" + PREFIX + "*): " + e.getMessage(), e);
        }
        this.assessor = new RiskAssessor(weights);
        this.trustedImages = new TrustedImages(config.getOptionalValues(PREFIX + "trusted-image-prefixes",
                String.class).orElse(List.of()));
    }

    private static double weight(Config config, String key, double fallback) {
        Optional<String> raw = config.getOptionalValue(PREFIX + key, String.class);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(raw.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " is not a number: " + raw.get());
        }
    }

    public RiskAssessor assessor() {
        return assessor;
    }

    public TrustedImages trustedImages() {
        return trustedImages;
    }

    /** The assessment and tier choice of one execution. */
    public TierChoice choose(RiskFactors factors, SandboxTierPreference requested,
                             SandboxTierPreference policyMinimum) {
        return TierChoice.of(assessor.assess(factors), requested, policyMinimum);
    }
}
