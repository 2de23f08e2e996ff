package dev.symbiont.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.policy.PolicyCondition;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentDefinitionConstraintsTest {

    private final AgentDefinition definition = AgentTest.definition("1.0"); // 512 MB, 1 core, AUTO tier

    @Test
    void ceilingsLowerTheLimitsButNeverRaiseThem() {
        AgentDefinition lowered = definition.constrainedBy(List.of(new PolicyCondition.MaxMemoryMb(256),
                new PolicyCondition.MaxCpuCores(0.5)));
        AgentDefinition unchanged = definition.constrainedBy(List.of(new PolicyCondition.MaxMemoryMb(4096),
                new PolicyCondition.MaxCpuCores(8)));

        assertThat(lowered.resourceLimits().memoryMb()).isEqualTo(256);
        assertThat(lowered.resourceLimits().cpuCores()).isEqualTo(0.5);
        assertThat(unchanged.resourceLimits()).isEqualTo(definition.resourceLimits());
    }

    @Test
    void aMinimumTierRaisesTheTierButNeverLowersIt() {
        AgentDefinition raised = definition.constrainedBy(List.of(
                new PolicyCondition.MinimumSandboxTier(SandboxTierPreference.TIER2)));
        AgentDefinition alreadyHigher = raised.constrainedBy(List.of(
                new PolicyCondition.MinimumSandboxTier(SandboxTierPreference.TIER1)));

        assertThat(raised.sandboxTier()).isEqualTo(SandboxTierPreference.TIER2);
        assertThat(alreadyHigher.sandboxTier()).isEqualTo(SandboxTierPreference.TIER2);
    }

    @Test
    void conditionsAboutOtherThingsLeaveTheDefinitionAlone() {
        assertThat(definition.constrainedBy(List.of(new PolicyCondition.RedactFields(Set.of("ssn")),
                new PolicyCondition.RateLimit(3)))).isEqualTo(definition);
    }
}
