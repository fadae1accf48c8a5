package dev.dockmock.clients.scripted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * What a client script left: its exit code, its output and its error output. A script prints
 * what the client showed as one JSON object on its last line of output.
 */
public record ScriptRun(List<String> command, int exitCode, String stdout, String stderr) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The JSON object the script printed last.
     *
     * @throws AssertionError when the script failed or printed no JSON, with everything it wrote
     */
    public JsonNode seen() {
        if (exitCode != 0) {
            throw new AssertionError(describe("exited with " + exitCode));
        }
        String[] lines = stdout.strip().split("\n");
        try {
            JsonNode node = JSON.readTree(lines[lines.length - 1]);
            if (node == null || !node.isObject()) {
                throw new AssertionError(describe("printed no JSON object last"));
            }
            return node;
        } catch (IOException e) {
            throw new AssertionError(describe("printed no JSON object last: " + e.getMessage()), e);
        }
    }

    private String describe(String what) {
        return String.join(" ", command) + " " + what + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
}
