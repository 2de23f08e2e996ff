package dev.symbiont.web.problem;

import jakarta.json.stream.JsonParsingException;

/** Explains a JSON parse or binding failure in one line the client can act on. */
final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(Throwable error) {
        StringBuilder detail = new StringBuilder("the body is not valid JSON for this resource");
        Throwable deepest = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            deepest = t;
            if (t instanceof JsonParsingException parsing && parsing.getLocation() != null) {
                return detail.append(": syntax error at line ").append(parsing.getLocation().getLineNumber())
                        .append(", column ").append(parsing.getLocation().getColumnNumber()).toString();
            }
        }
        String message = deepest.getMessage();
        if (message != null && !message.isBlank()) {
            detail.append(": ").append(message.length() > 300 ? message.substring(0, 300) + "..." : message);
        }
        return detail.toString();
    }
}
