package dev.dockmock.contract;

import static dev.dockmock.contract.ScenarioClient.q;

/** The contract scenario's steps for networks, volumes and the daemon-wide routes. */
final class ResourceSteps {
    private final ScenarioClient c;

    ResourceSteps(ScenarioClient client) {
        this.c = client;
    }

    void networks() {
        c.call("GET", "/networks", 200);
        c.call("GET", "/networks/", 200);
        c.call("GET", "/networks?filters=" + q("{\"type\":[\"custom\"]}"), 200);
        String id = c.json("POST", "/networks/create", "{\"Name\":\"contract-net\",\"Labels\":{\"suite\":\"contract\"}}", 201)
                .json().path("Id").asText();
        c.json("POST", "/networks/create", "{\"Name\":\"contract-net\"}", 409);
        c.call("GET", "/networks/contract-net", 200);
        c.call("GET", "/networks/" + id + "?verbose=true", 200);
        c.call("GET", "/networks/no-such-network", 404);
        c.json("POST", "/containers/create?name=contract-netuser", "{\"Image\":\"alpine:latest\",\"Cmd\":[\"sleep\",\"1000\"]}", 201);
        c.call("POST", "/containers/contract-netuser/start", 204);
        c.json("POST", "/networks/contract-net/connect", "{\"Container\":\"contract-netuser\"}", 200);
        c.json("POST", "/networks/contract-net/connect", "{\"Container\":\"no-such-container\"}", 404);
        c.json("POST", "/networks/contract-net/disconnect", "{\"Container\":\"contract-netuser\"}", 200);
        c.call("DELETE", "/containers/contract-netuser?force=1", 204);
        c.call("DELETE", "/networks/bridge", 403);
        c.call("DELETE", "/networks/contract-net", 204);
        c.call("DELETE", "/networks/contract-net", 404);
        c.json("POST", "/networks/create", "{\"Name\":\"contract-prunable\"}", 201);
        c.call("POST", "/networks/prune", 200);
    }

    void volumes() {
        c.call("GET", "/volumes", 200);
        c.json("POST", "/volumes/create", "{\"Name\":\"contract-vol\",\"Labels\":{\"suite\":\"contract\"}}", 201);
        c.json("POST", "/volumes/create", "{}", 201);
        c.call("GET", "/volumes?filters=" + q("{\"label\":[\"suite=contract\"]}"), 200);
        c.call("GET", "/volumes/contract-vol", 200);
        c.call("GET", "/volumes/no-such-volume", 404);
        c.json("PUT", "/volumes/contract-vol", "{\"Spec\":{}}", 400, 503);
        c.json("POST", "/containers/create?name=contract-voluser",
                "{\"Image\":\"alpine:latest\",\"HostConfig\":{\"Binds\":[\"contract-vol:/data\"]}}", 201);
        c.call("DELETE", "/volumes/contract-vol", 409);
        c.call("DELETE", "/containers/contract-voluser", 204);
        c.call("DELETE", "/volumes/contract-vol", 204);
        c.call("DELETE", "/volumes/contract-vol", 404);
        c.call("POST", "/volumes/prune", 200);
    }

    void daemon() {
        c.call("GET", "/system/df", 200);
        c.json("POST", "/auth", "{\"username\":\"someone\",\"password\":\"secret\",\"serveraddress\":\"https://index.docker.io/v1/\"}", 200);
        c.call("GET", "/plugins", 200);
        c.call("GET", "/plugins/no-such-plugin/json", 404);
        c.call("DELETE", "/plugins/no-such-plugin", 404);
        c.call("POST", "/plugins/no-such-plugin/enable", 404);
        c.call("POST", "/plugins/no-such-plugin/disable", 404);
        c.json("POST", "/plugins/no-such-plugin/set", "[]", 404);
        c.call("POST", "/plugins/no-such-plugin/push", 404);
        c.json("POST", "/plugins/no-such-plugin/upgrade?remote=x", "[]", 404);
        c.call("GET", "/swarm", 503);
        c.call("GET", "/swarm/unlockkey", 503);
        c.json("POST", "/swarm/update?version=1", "{}", 503);
        c.json("POST", "/swarm/unlock", "{\"UnlockKey\":\"x\"}", 503);
        c.call("POST", "/swarm/leave", 503);
        for (String kind : new String[] {"services", "nodes", "tasks", "secrets", "configs"}) {
            c.call("GET", "/" + kind, 503);
            c.call("GET", "/" + kind + "/x", 503);
        }
        for (String kind : new String[] {"services", "nodes", "secrets", "configs"}) {
            c.json("POST", "/" + kind + "/x/update?version=1", "{}", 503);
            c.call("DELETE", "/" + kind + "/x", 503);
        }
        for (String kind : new String[] {"services", "secrets", "configs"}) {
            c.json("POST", "/" + kind + "/create", "{}", 503);
        }
        c.call("GET", "/services/x/logs?stdout=1", 503);
        c.call("GET", "/tasks/x/logs?stdout=1", 503);
        c.call("POST", "/session", 400);
        c.call("POST", "/grpc", 404);
    }
}
