package dev.symbiont.lifecycle;

import static dev.symbiont.lifecycle.AgentState.FAILED;
import static dev.symbiont.lifecycle.AgentState.INITIALIZING;
import static dev.symbiont.lifecycle.AgentState.READY;
import static dev.symbiont.lifecycle.AgentState.RUNNING;
import static dev.symbiont.lifecycle.AgentState.SUSPENDED;
import static dev.symbiont.lifecycle.AgentState.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transition table is exactly the architecture's state diagram: nothing more, nothing less. */
class AgentStateTest {

    private static final Set<String> DIAGRAM = Set.of(
            "INITIALIZING->READY", "INITIALIZING->FAILED",
            "READY->RUNNING", "READY->TERMINATED",
            "RUNNING->SUSPENDED", "RUNNING->READY",
            "SUSPENDED->RUNNING", "SUSPENDED->TERMINATED",
            "FAILED->TERMINATED");

    static Stream<Arguments> everyPairOfStates() {
        return Stream.of(AgentState.values())
                .flatMap(from -> Stream.of(AgentState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStates")
    void transitionIsAllowedExactlyWhenTheDiagramHasIt(AgentState from, AgentState to) {
        assertThat(from.canTransitionTo(to)).isEqualTo(DIAGRAM.contains(from + "->" + to));
    }

    @Test
    void terminatedIsTheOnlyTerminalStateAndHasNoWayOut() {
        assertThat(TERMINATED.allowedTargets()).isEmpty();
        assertThat(EnumSet.allOf(AgentState.class).stream().filter(AgentState::isTerminal)).containsExactly(TERMINATED);
    }

    @Test
    void allowedTargetsAreListedPerState() {
        assertThat(INITIALIZING.allowedTargets()).containsExactly(READY, FAILED);
        assertThat(READY.allowedTargets()).containsExactly(RUNNING, TERMINATED);
        assertThat(RUNNING.allowedTargets()).containsExactly(READY, SUSPENDED);
        assertThat(SUSPENDED.allowedTargets()).containsExactly(RUNNING, TERMINATED);
        assertThat(FAILED.allowedTargets()).containsExactly(TERMINATED);
    }

    @Test
    void noStateTransitionsToItself() {
        for (AgentState state : AgentState.values()) {
            assertThat(state.canTransitionTo(state)).as(state.name()).isFalse();
        }
    }
}
