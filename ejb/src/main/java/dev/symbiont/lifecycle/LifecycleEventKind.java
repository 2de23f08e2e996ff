package dev.symbiont.lifecycle;

/** What an entry of an agent's history records. */
public enum LifecycleEventKind {
    /** The agent was registered (enters Initializing). */
    CREATED,
    /** A state change along one of the allowed transitions. */
    TRANSITION,
    /** The definition was replaced; the state did not change. */
    DEFINITION_UPDATED
}
