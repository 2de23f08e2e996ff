package dev.symbiont.agent;

import java.util.List;

/** One page of agents; {@code next} is absent on the last page. */
public record AgentPage(List<Agent> items, AgentCursor next) {
}
