package dev.symbiont.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Event details as compact JSON with keys in sorted order: the same details always chain to the same bytes. */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(Map<String, ?> details) {
        return toJson(details).toString();
    }

    private static JsonValue toJson(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case JsonValue json -> json;
            case String s -> Json.createValue(s);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case Integer i -> Json.createValue(i);
            case Long l -> Json.createValue(l);
            case BigInteger big -> Json.createValue(big);
            case BigDecimal dec -> Json.createValue(dec);
            case Double d -> Json.createValue(d);
            case Map<?, ?> map -> object(map);
            case Collection<?> items -> array(items);
            case Enum<?> e -> Json.createValue(e.name());
            default -> Json.createValue(value.toString());
        };
    }

    private static JsonValue object(Map<?, ?> map) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        stringKeys(map).forEach((key, v) -> builder.add(key, toJson(v)));
        return builder.build();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static JsonValue array(Collection<?> items) {
        JsonArrayBuilder builder = Json.createArrayBuilder();
        items.forEach(item -> builder.add(toJson(item)));
        return builder.build();
    }
}
