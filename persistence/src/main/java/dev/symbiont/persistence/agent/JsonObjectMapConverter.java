package dev.symbiont.persistence.agent;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a string-to-string map as a flat JSON object (column type jsonb), keeping key order. */
@Converter
public class JsonObjectMapConverter implements AttributeConverter<Map<String, String>, String> {

    @Override
    public String convertToDatabaseColumn(Map<String, String> map) {
        var builder = Json.createObjectBuilder();
        if (map != null) {
            map.forEach(builder::add);
        }
        return builder.build().toString();
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return Collections.emptyMap();
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            var map = new LinkedHashMap<String, String>();
            object.forEach((key, value) -> map.put(key, text(value)));
            return map;
        }
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
