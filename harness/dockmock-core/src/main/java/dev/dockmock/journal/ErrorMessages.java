package dev.dockmock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import java.io.IOException;
import java.util.Optional;

/** Reads the message of a Docker error answer, for journal entries. */
final class ErrorMessages {
    private static final int LONGEST = 4096;

    private ErrorMessages() {
    }

    static Optional<String> of(ApiResponse response) {
        if (response.status() < 400 || !(response.body() instanceof ResponseBody.Bytes bytes) || bytes.data().length > LONGEST) {
            return Optional.empty();
        }
        if (!response.headers().first("Content-Type").orElse("").startsWith(ApiResponse.JSON)) {
            return Optional.empty();
        }
        try {
            JsonNode message = Json.mapper().readTree(bytes.data()).path("message");
            return message.isTextual() ? Optional.of(message.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
