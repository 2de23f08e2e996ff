package dev.symbiont.sandbox.risk;

/**
 * How far the code an agent runs is trusted. Trusted: its image comes from a source the operator lists as trusted
 * (their own registry, pinned by digest). Anything else is untrusted: the runtime cannot vouch for it.
 */
public enum CodeTrust {
    TRUSTED, UNTRUSTED
}
