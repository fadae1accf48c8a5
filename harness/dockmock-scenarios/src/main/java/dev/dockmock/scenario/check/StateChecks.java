package dev.dockmock.scenario.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.engine.Engine;
import dev.dockmock.protocol.ApiRequest;
import dev.dockmock.protocol.ApiResponse;
import dev.dockmock.protocol.Json;
import dev.dockmock.protocol.ResponseBody;
import dev.dockmock.scenario.model.StateExpect;
import dev.dockmock.scenario.result.Failure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what an engine holds, asking its own dispatcher in memory: nothing goes through a
 * listener, so the journal and fault rules never see these reads.
 */
public final class StateChecks {

    private StateChecks() {
    }

    public static List<Failure> check(Engine engine, StateExpect expect) {
        Dispatcher api = engine.dispatcher();
        List<Failure> failures = new ArrayList<>();
        if (!expect.containers().isEmpty()) {
            JsonNode containers = get(api, "/containers/json?all=1");
            for (StateExpect.ContainerState wanted : expect.containers()) {
                JsonNode found = null;
                for (JsonNode c : containers) {
                    for (JsonNode name : c.path("Names")) {
                        if (name.asText().equals("/" + wanted.name()) || name.asText().equals(wanted.name())) {
                            found = c;
                        }
                    }
                }
                String state = found == null ? "absent" : found.path("State").asText();
                boolean ok = wanted.state().map(state::equals).orElse(found != null);
                if (!ok) {
                    failures.add(new Failure("state: container " + wanted.name() + " should be " + wanted.state().orElse("present")
                            + ", is " + state, wanted.state().orElse("present"), state));
                }
            }
        }
        if (!expect.images().isEmpty() || !expect.absentImages().isEmpty()) {
            Set<String> tags = new HashSet<>();
            get(api, "/images/json").forEach(i -> i.path("RepoTags").forEach(t -> tags.add(t.asText())));
            for (String image : expect.images()) {
                if (!tags.contains(normalise(image))) {
                    failures.add(new Failure("state: image " + image + " should be present", image, String.join("\n", tags)));
                }
            }
            for (String image : expect.absentImages()) {
                if (tags.contains(normalise(image))) {
                    failures.add(Failure.of("state: image " + image + " should not be present"));
                }
            }
        }
        present(failures, "network", expect.networks(), get(api, expect.networks().isEmpty() ? null : "/networks"), "Name");
        present(failures, "volume", expect.volumes(), get(api, expect.volumes().isEmpty() ? null : "/volumes").path("Volumes"), "Name");
        if (!expect.services().isEmpty()) {
            JsonNode services = get(api, "/services");
            JsonNode tasks = get(api, "/tasks");
            for (StateExpect.ServiceState wanted : expect.services()) {
                String id = null;
                for (JsonNode s : services) {
                    if (s.path("Spec").path("Name").asText().equals(wanted.name())) {
                        id = s.path("ID").asText();
                    }
                }
                int running = 0;
                for (JsonNode t : tasks) {
                    if (t.path("ServiceID").asText().equals(id) && t.path("Status").path("State").asText().equals("running")) {
                        running++;
                    }
                }
                if (id == null || running != wanted.running()) {
                    failures.add(new Failure("state: service " + wanted.name() + " should have " + wanted.running() + " running tasks, "
                            + (id == null ? "but there is no such service" : "has " + running), String.valueOf(wanted.running()),
                            id == null ? "absent" : String.valueOf(running)));
                }
            }
        }
        return failures;
    }

    private static void present(List<Failure> failures, String kind, List<String> names, JsonNode list, String field) {
        Set<String> found = new HashSet<>();
        list.forEach(n -> found.add(n.path(field).asText()));
        for (String name : names) {
            if (!found.contains(name)) {
                failures.add(new Failure("state: " + kind + " " + name + " should exist", name, String.join("\n", found)));
            }
        }
    }

    private static String normalise(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        return last.contains(":") || image.contains("@") ? image : image + ":latest";
    }

    private static JsonNode get(Dispatcher api, String target) {
        if (target == null) {
            return Json.mapper().createArrayNode();
        }
        ApiResponse response = api.dispatch(ApiRequest.of("GET", target));
        if (response.status() != 200 || !(response.body() instanceof ResponseBody.Bytes bytes)) {
            throw new IllegalStateException("reading the engine's state: GET " + target + " answered " + response.status());
        }
        return Json.parse(bytes.data());
    }
}
