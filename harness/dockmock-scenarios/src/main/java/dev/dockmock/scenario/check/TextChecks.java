package dev.dockmock.scenario.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.protocol.Json;
import dev.dockmock.scenario.model.JsonExpect;
import dev.dockmock.scenario.model.TextExpect;
import dev.dockmock.scenario.result.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a text (an output, a body) against a {@link TextExpect}. */
public final class TextChecks {

    private TextChecks() {
    }

    /**
     * @param what names the text in messages, e.g. {@code stdout of step 'ps'}
     */
    public static List<Failure> check(String what, String text, TextExpect expect) {
        List<Failure> failures = new ArrayList<>();
        expect.equals().ifPresent(wanted -> {
            if (!strip(text).equals(strip(wanted))) {
                failures.add(new Failure(what + " should be exactly the expected text", wanted, text));
            }
        });
        for (String piece : expect.contains()) {
            if (!text.contains(piece)) {
                failures.add(new Failure(what + " should contain \"" + piece + "\"", piece, text));
            }
        }
        for (String piece : expect.notContains()) {
            if (text.contains(piece)) {
                failures.add(new Failure(what + " should not contain \"" + piece + "\"", null, text));
            }
        }
        for (Pattern pattern : expect.matches()) {
            if (!pattern.matcher(text).find()) {
                failures.add(new Failure(what + " should match /" + pattern.pattern() + "/", pattern.pattern(), text));
            }
        }
        expect.empty().ifPresent(empty -> {
            if (empty != text.isEmpty()) {
                failures.add(new Failure(what + (empty ? " should be empty" : " should not be empty"), empty ? "" : null, text));
            }
        });
        if (!expect.json().isEmpty()) {
            JsonNode document;
            try {
                document = Json.mapper().readTree(text);
            } catch (java.io.IOException e) {
                failures.add(new Failure(what + " should be JSON: " + e.getMessage().lines().findFirst().orElse(""), null, text));
                return failures;
            }
            expect.json().forEach(json -> failures.addAll(json(what, document, json)));
        }
        return failures;
    }

    private static List<Failure> json(String what, JsonNode document, JsonExpect expect) {
        List<Failure> failures = new ArrayList<>();
        JsonNode value;
        try {
            value = JsonPath.find(document, expect.path());
        } catch (IllegalArgumentException e) {
            return List.of(Failure.of(what + ": bad JSON path " + expect.path() + ": " + e.getMessage()));
        }
        String at = what + " at " + expect.path();
        boolean exists = !value.isMissingNode();
        if (expect.exists().isPresent() && expect.exists().get() != exists) {
            failures.add(Failure.of(at + (exists ? " should not exist, but is " + value : " should exist")));
            return failures;
        }
        boolean wantsValue = expect.equals().isPresent() || expect.contains().isPresent() || expect.length().isPresent();
        if (!exists && wantsValue) {
            failures.add(new Failure(at + " should exist", expect.equals().orElse(null), expect.equals().isPresent() ? "(nothing)" : null));
            return failures;
        }
        String actual = value.isValueNode() ? value.asText() : value.toString();
        expect.equals().ifPresent(wanted -> {
            if (!actual.equals(wanted)) {
                failures.add(new Failure(at + " should be \"" + wanted + "\", is \"" + actual + "\"", wanted, actual));
            }
        });
        expect.contains().ifPresent(piece -> {
            if (!actual.contains(piece)) {
                failures.add(new Failure(at + " should contain \"" + piece + "\"", piece, actual));
            }
        });
        expect.length().ifPresent(length -> {
            int size = value.isTextual() ? value.asText().length() : value.size();
            if (size != length) {
                failures.add(Failure.of(at + " should have length " + length + ", has " + size));
            }
        });
        return failures;
    }

    private static String strip(String text) {
        return text.replaceAll("[\\r\\n]+$", "");
    }
}
