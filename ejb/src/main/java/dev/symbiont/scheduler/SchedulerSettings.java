package dev.symbiont.scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scheduling core behaves, as configured.
 *
 * @param strategy         first-fit, best-fit or priority-based
 * @param ageingStep       waiting this long raises a task's effective priority by one rank (up to high)
 * @param criticalHeadroom the share of memory and CPU only critical tasks may use; priority-based only
 * @param backfillLimit    once the head has waited this long, first fit and best fit start nothing past it
 * @param lookahead        how many eligible tasks first fit and best fit look at per placement
 */
public record SchedulerSettings(String strategy, Duration ageingStep, double criticalHeadroom,
                                Duration backfillLimit, int lookahead) {

    public SchedulerSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(ageingStep, "ageingStep");
        Objects.requireNonNull(backfillLimit, "backfillLimit");
        if (!(criticalHeadroom >= 0 && criticalHeadroom < 1)) {
            throw new IllegalArgumentException("the critical headroom is a share in [0, 1); got " + criticalHeadroom);
        }
        // fail at configuration time, not at the first decision
        PlacementStrategy.named(strategy, lookahead, backfillLimit);
        new Ageing(ageingStep);
    }

    /** First fit, ageing by a rank a minute, 20% headroom (priority-based), backfill for 5 minutes, 32 looked at. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(FirstFit.NAME, Duration.ofMinutes(1), 0.2, Duration.ofMinutes(5), 32);
    }

    public SchedulerSettings withStrategy(String name) {
        return new SchedulerSettings(name, ageingStep, criticalHeadroom, backfillLimit, lookahead);
    }

    public PlacementStrategy placementStrategy() {
        return PlacementStrategy.named(strategy, lookahead, backfillLimit);
    }

    public Ageing ageing() {
        return new Ageing(ageingStep);
    }
}
