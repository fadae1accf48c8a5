package dev.dockmock.engine.containers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a container's processes see: its configured {@code Env} plus what the runtime
 * adds, in the order {@code env} prints it from a real container: {@code PATH}, {@code HOSTNAME},
 * the configured variables, then {@code HOME}.
 */
public final class RuntimeEnv {

    private RuntimeEnv() {
    }

    public static Map<String, String> of(ContainerSpec spec) {
        Map<String, String> configured = spec.env();
        Map<String, String> env = new LinkedHashMap<>();
        if (configured.containsKey("PATH")) {
            env.put("PATH", configured.get("PATH"));
        }
        env.put("HOSTNAME", spec.hostname());
        configured.forEach(env::putIfAbsent);
        env.putIfAbsent("HOME", "/root");
        return env;
    }
}
