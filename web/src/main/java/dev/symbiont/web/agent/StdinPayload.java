package dev.symbiont.web.agent;

import dev.symbiont.web.problem.ApiExceptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Standard input as a request gives it: UTF-8 text ({@code input}) or bytes in base64 ({@code input_base64}). */
public final class StdinPayload {

    private StdinPayload() {
    }

    /** @return the bytes, or null when neither is given */
    public static byte[] decode(String input, String inputBase64) {
        if (input != null && inputBase64 != null) {
            throw new ApiExceptions.InvalidParameter("input_base64", "give either input or input_base64, not both");
        }
        if (inputBase64 != null) {
            try {
                return Base64.getDecoder().decode(inputBase64);
            } catch (IllegalArgumentException e) {
                throw new ApiExceptions.InvalidParameter("input_base64", "is not valid base64");
            }
        }
        return input == null ? null : input.getBytes(StandardCharsets.UTF_8);
    }
}
