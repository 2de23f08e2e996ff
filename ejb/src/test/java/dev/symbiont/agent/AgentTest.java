package dev.symbiont.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.lifecycle.AgentState;
import dev.symbiont.lifecycle.IllegalTransitionException;
import dev.symbiont.lifecycle.LifecycleEvent;
import dev.symbiont.lifecycle.LifecycleEventKind;
import dev.symbiont.lifecycle.RevisionMismatchException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AgentTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    static AgentDefinition definition(String version) {
        return new AgentDefinition("summarizer", version, "summarizes", List.of("summarize"),
                new ResourceLimits(512, 1.0, 50, 10, Duration.ofMinutes(5)), SandboxTierPreference.AUTO,
                true, false, List.of("https://api.example.com"), DataSensitivity.INTERNAL, Map.of("team", "ml"), null);
    }

    static Agent readyAgent() {
        Agent agent = Agent.register(UUID.randomUUID(), definition("1.0"), "alice", T0);
        agent.completeInitialization(List.of(), "alice", T0);
        agent.markStored(0);
        return agent;
    }

    static Agent agentIn(AgentState state) {
        if (state == AgentState.INITIALIZING) {
            return Agent.register(UUID.randomUUID(), definition("1.0"), "alice", T0);
        }
        if (state == AgentState.FAILED) {
            Agent agent = Agent.register(UUID.randomUUID(), definition("1.0"), "alice", T0);
            agent.completeInitialization(List.of("too big"), "alice", T0);
            return agent;
        }
        Agent agent = readyAgent();
        switch (state) {
            case RUNNING -> agent.transitionTo(AgentState.RUNNING, "bob", null, T0);
            case SUSPENDED -> {
                agent.transitionTo(AgentState.RUNNING, "bob", null, T0);
                agent.transitionTo(AgentState.SUSPENDED, "bob", null, T0);
            }
            case TERMINATED -> agent.transitionTo(AgentState.TERMINATED, "bob", null, T0);
            default -> { }
        }
        return agent;
    }

    @Test
    void registrationStartsInInitializingAndRecordsCreation() {
        Agent agent = Agent.register(UUID.randomUUID(), definition("1.0"), "alice", T0);

        assertThat(agent.state()).isEqualTo(AgentState.INITIALIZING);
        assertThat(agent.pendingEvents()).extracting(LifecycleEvent::kind).containsExactly(LifecycleEventKind.CREATED);
    }

    @Test
    void validConfigurationMakesTheAgentReady() {
        Agent agent = Agent.register(UUID.randomUUID(), definition("1.0"), "alice", T0);

        agent.completeInitialization(List.of(), "alice", T0);

        assertThat(agent.state()).isEqualTo(AgentState.READY);
        assertThat(agent.pendingEvents()).extracting(LifecycleEvent::to)
                .containsExactly(AgentState.INITIALIZING, AgentState.READY);
    }

    @Test
    void invalidConfigurationFailsTheAgentWithTheProblemsAsReason() {
        Agent agent = Agent.register(UUID.randomUUID(), definition("1.0"), "alice", T0);

        agent.completeInitialization(List.of("memory too high", "no network"), "alice", T0);

        assertThat(agent.state()).isEqualTo(AgentState.FAILED);
        assertThat(agent.stateReason()).contains("memory too high").contains("no network");
    }

    @ParameterizedTest
    @EnumSource(AgentState.class)
    void everyTransitionFollowsTheStateTable(AgentState from) {
        for (AgentState to : AgentState.values()) {
            Agent agent = agentIn(from);
            int eventsBefore = agent.pendingEvents().size();
            if (from.canTransitionTo(to)) {
                agent.transitionTo(to, "carol", "because", T0.plusSeconds(1));
                assertThat(agent.state()).isEqualTo(to);
                assertThat(agent.stateReason()).isEqualTo("because");
                assertThat(agent.pendingEvents()).hasSize(eventsBefore + 1).last()
                        .isEqualTo(new LifecycleEvent(LifecycleEventKind.TRANSITION, from, to, "carol", "because",
                                T0.plusSeconds(1)));
            } else {
                assertThatThrownBy(() -> agent.transitionTo(to, "carol", "because", T0))
                        .isInstanceOf(IllegalTransitionException.class)
                        .hasMessageContaining("is " + from.label())
                        .satisfies(e -> assertThat(((IllegalTransitionException) e).allowed())
                                .isEqualTo(from.allowedTargets()));
                assertThat(agent.state()).isEqualTo(from);
                assertThat(agent.pendingEvents()).hasSize(eventsBefore);
            }
        }
    }

    @Test
    void definitionCanBeReplacedWhileReadyOrSuspendedOnly() {
        for (AgentState state : AgentState.values()) {
            Agent agent = agentIn(state);
            if (state == AgentState.READY || state == AgentState.SUSPENDED) {
                agent.redefine(definition("2.0"), "dave", T0);
                assertThat(agent.definition().version()).isEqualTo("2.0");
                assertThat(agent.state()).isEqualTo(state);
                assertThat(agent.pendingEvents()).last().extracting(LifecycleEvent::kind)
                        .isEqualTo(LifecycleEventKind.DEFINITION_UPDATED);
            } else {
                assertThatThrownBy(() -> agent.redefine(definition("2.0"), "dave", T0))
                        .isInstanceOf(AgentNotEditableException.class);
                assertThat(agent.definition().version()).isEqualTo("1.0");
            }
        }
    }

    @Test
    void staleExpectedRevisionIsRejected() {
        Agent agent = readyAgent();
        agent.markStored(3);

        agent.requireRevision(3L);
        agent.requireRevision(null);
        assertThatThrownBy(() -> agent.requireRevision(2L)).isInstanceOf(RevisionMismatchException.class);
    }

    @Test
    void storingClearsPendingEventsAndAdvancesTheRevision() {
        Agent agent = readyAgent();
        agent.transitionTo(AgentState.RUNNING, "bob", null, T0);

        agent.markStored(1);

        assertThat(agent.pendingEvents()).isEmpty();
        assertThat(agent.revision()).isEqualTo(1);
    }
}
