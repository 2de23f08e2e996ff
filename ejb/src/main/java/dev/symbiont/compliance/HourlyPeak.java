package dev.symbiont.compliance;

import java.time.Instant;

/** The busiest clock hour (UTC) for some kind of event: when it started and how many events it held. */
public record HourlyPeak(Instant hourStart, long count) {

    public static final HourlyPeak NONE = new HourlyPeak(null, 0);
}
