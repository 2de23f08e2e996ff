package dev.symbiont.web.security;

import dev.symbiont.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link ApiKeyAuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller in this request");
        }
        return caller;
    }

    /** How this caller is recorded in history. */
    public String actor() {
        return get().actor();
    }
}
