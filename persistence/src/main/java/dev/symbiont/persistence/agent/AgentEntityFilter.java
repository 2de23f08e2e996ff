package dev.symbiont.persistence.agent;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which agents a page holds. Null or empty fields do not filter. Paging is by keyset: rows strictly after
 * ({@code afterCreatedAt}, {@code afterId}) in (created_at, id) order, so pages stay stable while rows are added.
 */
public record AgentEntityFilter(Set<String> states, String nameContains, String capability, String dataSensitivity,
                                Instant afterCreatedAt, UUID afterId, int limit) {
}
