package dev.symbiont.sandbox.risk;

import dev.symbiont.agent.AgentDefinition;
import dev.symbiont.agent.DataSensitivity;
import java.util.Objects;

/** The seed's five risk factors of running an agent's code (runtime-architecture.md, Risk Assessment). */
public record RiskFactors(DataSensitivity dataSensitivity, CodeTrust codeTrust, boolean networkAccess,
                          boolean filesystemAccess, boolean externalIntegrations) {

    public RiskFactors {
        Objects.requireNonNull(dataSensitivity, "dataSensitivity");
        Objects.requireNonNull(codeTrust, "codeTrust");
    }

    /** The factors of an agent's definition, with the trust its image earned. */
    public static RiskFactors of(AgentDefinition definition, CodeTrust codeTrust) {
        return new RiskFactors(definition.dataSensitivity(), codeTrust, definition.requiresNetwork(),
                definition.requiresFilesystem(), !definition.externalApis().isEmpty());
    }
}
