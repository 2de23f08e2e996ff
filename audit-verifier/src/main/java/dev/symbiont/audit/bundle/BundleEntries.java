package dev.symbiont.audit.bundle;

import java.util.List;

/** The entry names of an audit bundle (FORMAT.md, Audit bundle). */
public final class BundleEntries {

    public static final String EVENTS = "events.jsonl";
    public static final String SEALS = "seals.jsonl";
    public static final String CHECKPOINT = "checkpoint.json";
    public static final String MANIFEST = "manifest.json";

    /** The entries the manifest lists, in the order they are written. */
    public static final List<String> LISTED = List.of(EVENTS, SEALS, CHECKPOINT);

    private BundleEntries() {
    }
}
