package dev.dockmock.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary that a dockerd installation runs beside itself and reports in {@code /version}
 * ({@code Components}) and {@code /info} ({@code ContainerdCommit}, {@code RuncCommit},
 * {@code InitCommit}). The values are those of the static Docker 28.2 packages, so that both
 * documents agree with each other and with the engine version dockmock claims (docs/engine.md).
 *
 * @param name the component name as {@code docker version} prints it
 * @param version the component's version
 * @param gitCommit the commit the binary reports, in the form that binary prints it
 */
public record BundledBinary(String name, String version, String gitCommit) {
    public static final BundledBinary CONTAINERD =
            new BundledBinary("containerd", "1.7.27", "05044ec0a9a75232cad458027ca83437aae3f4da");
    public static final BundledBinary RUNC = new BundledBinary("runc", "1.2.5", "v1.2.5-0-g59923ef");
    public static final BundledBinary DOCKER_INIT = new BundledBinary("docker-init", "0.19.0", "de40ad0");

    /** In the order dockerd lists them after the {@code Engine} component. */
    public static final List<BundledBinary> ALL = List.of(CONTAINERD, RUNC, DOCKER_INIT);

    /** This binary's entry in {@code /version}'s {@code Components}. */
    Map<String, Object> versionComponent() {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("Name", name);
        component.put("Version", version);
        component.put("Details", Map.of("GitCommit", gitCommit));
        return component;
    }

    /** This binary's {@code Commit} object in {@code /info}; dockerd 28 no longer sends {@code Expected}. */
    Map<String, Object> infoCommit() {
        return Map.of("ID", gitCommit);
    }
}
