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

    /** With root's {@code HOME}, {@code /root}, unless the configuration sets one. */
    public static Map<String, String> of(ContainerSpec spec) {
        return of(spec, "/root");
    }

    /**
     * With {@code home} (the process user's, from {@code /etc/passwd}) as {@code HOME} unless the
     * configuration sets one; none when {@code home} is null.
     */
    public static Map<String, String> of(ContainerSpec spec, String home) {
        Map<String, String> configured = spec.env();
        Map<String, String> env = new LinkedHashMap<>();
        if (configured.containsKey("PATH")) {
            env.put("PATH", configured.get("PATH"));
        }
        env.put("HOSTNAME", spec.hostname());
        configured.forEach(env::putIfAbsent);
        if (home != null) {
            env.putIfAbsent("HOME", home);
        }
        return env;
    }
}
