package dev.symbiont.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.agent.Agent;
import dev.symbiont.agent.AgentDefinition;
import dev.symbiont.agent.ResourceLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @ParameterizedTest
    @EnumSource(LifecycleCommand.class)
    void everyCommandIsMadeOfEdgesOfTheStateDiagram(LifecycleCommand command) {
        assertThat(command.sources()).isNotEmpty()
                .allSatisfy(source -> assertThat(source.canTransitionTo(command.target())).isTrue());
    }

    @ParameterizedTest
    @EnumSource(LifecycleCommand.class)
    void aCommandMovesAnAgentOnlyFromItsSourceStates(LifecycleCommand command) {
        for (AgentState state : AgentState.values()) {
            Agent agent = agentIn(state);
            if (command.appliesTo(state)) {
                agent.apply(command, "ops", command.defaultReason(), NOW);
                assertThat(agent.state()).isEqualTo(command.target());
            } else {
                assertThatThrownBy(() -> agent.apply(command, "ops", "x", NOW))
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessageContaining(command.label() + " applies only to");
                assertThat(agent.state()).isEqualTo(state);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void resumeDoesNotStartAReadyAgentEvenThoughReadyMayMoveToRunning() {
        assertThat(AgentState.READY.canTransitionTo(AgentState.RUNNING)).isTrue();
        assertThat(LifecycleCommand.RESUME.appliesTo(AgentState.READY)).isFalse();
        assertThat(LifecycleCommand.START.appliesTo(AgentState.SUSPENDED)).isFalse();
    }

    /** An agent driven into {@code state} through the state machine itself. */
    private static Agent agentIn(AgentState state) {
        var definition = new AgentDefinition("a", "1", null, List.of(), new ResourceLimits(64, 1, 1, 0,
                Duration.ofMinutes(1)), null, false, false, List.of(), null, Map.of(), null);
        Agent agent = Agent.register(UUID.randomUUID(), definition, "t", NOW);
        List<AgentState> path = switch (state) {
            case INITIALIZING -> List.of();
            case READY -> List.of(AgentState.READY);
            case FAILED -> List.of(AgentState.FAILED);
            case RUNNING -> List.of(AgentState.READY, AgentState.RUNNING);
            case SUSPENDED -> List.of(AgentState.READY, AgentState.RUNNING, AgentState.SUSPENDED);
            case TERMINATED -> List.of(AgentState.READY, AgentState.TERMINATED);
        };
        path.forEach(next -> agent.transitionTo(next, "t", null, NOW));
        return agent;
    }
}
