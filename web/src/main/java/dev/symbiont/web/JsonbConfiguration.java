package dev.symbiont.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON dialect of the API: snake_case names, nulls omitted, and unknown properties rejected (a typo in a
 * field name is a 400, not a silently ignored setting).
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    /** Yasson's switch, standardised under this name in JSON-B 3.0 implementations. */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(config());

    static JsonbConfig config() {
        return new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(false)
                .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The API's JSON-B instance, for readers that parse by hand. */
    public static Jsonb jsonb() {
        return JSONB;
    }
}
