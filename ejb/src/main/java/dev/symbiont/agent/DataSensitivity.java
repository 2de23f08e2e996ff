package dev.symbiont.agent;

/** The most sensitive class of data the agent handles, lowest first. */
public enum DataSensitivity {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED
}
