package dev.dockmock.engine.system;

import static dev.dockmock.engine.system.JsonShape.GoType.BOOL;
import static dev.dockmock.engine.system.JsonShape.GoType.INT64;
import static dev.dockmock.engine.system.JsonShape.GoType.LIST;
import static dev.dockmock.engine.system.JsonShape.GoType.OBJECT;
import static dev.dockmock.engine.system.JsonShape.GoType.STRING;
import static dev.dockmock.engine.system.JsonShape.GoType.STRING_LIST;
import static dev.dockmock.engine.system.JsonShape.GoType.STRING_MAP;
import static dev.dockmock.engine.system.JsonShape.GoType.STR_SLICE;

/** The shapes of the request bodies the engine type-checks before it acts on them (dockerd's Go structs). */
public final class RequestShapes {
    private static final String[] RESOURCES = {"Memory", "MemorySwap", "MemoryReservation", "NanoCpus", "CpuShares",
        "CpuQuota", "CpuPeriod", "PidsLimit", "BlkioWeight"};

    /** {@code POST /containers/create}: the container config with its host and networking config. */
    public static final JsonShape CONTAINER_CREATE = containerCreate();

    /** {@code POST /containers/{id}/update}. */
    public static final JsonShape CONTAINER_UPDATE = resources(JsonShape.of("UpdateConfig"), "")
            .field("RestartPolicy", OBJECT).field("RestartPolicy.Name", STRING).field("RestartPolicy.MaximumRetryCount", INT64);

    /** {@code POST /containers/{id}/exec}. */
    public static final JsonShape EXEC_CREATE = JsonShape.of("ExecOptions").field("Cmd", STRING_LIST).field("Env", STRING_LIST)
            .field("User", STRING).field("WorkingDir", STRING).field("DetachKeys", STRING).field("Tty", BOOL)
            .field("AttachStdin", BOOL).field("AttachStdout", BOOL).field("AttachStderr", BOOL).field("Privileged", BOOL)
            .field("Detach", BOOL);

    /** {@code POST /networks/create}. */
    public static final JsonShape NETWORK_CREATE = JsonShape.of("CreateRequest").field("Name", STRING).field("Driver", STRING)
            .field("Scope", STRING).field("Internal", BOOL).field("Attachable", BOOL).field("Ingress", BOOL)
            .field("EnableIPv6", BOOL).field("EnableIPv4", BOOL).field("CheckDuplicate", BOOL).field("Labels", STRING_MAP)
            .field("Options", STRING_MAP).field("IPAM", OBJECT).field("IPAM.Driver", STRING).field("IPAM.Config", LIST);

    /** {@code POST /volumes/create}. */
    public static final JsonShape VOLUME_CREATE = JsonShape.of("CreateOptions").field("Name", STRING).field("Driver", STRING)
            .field("Labels", STRING_MAP).field("DriverOpts", STRING_MAP);

    private RequestShapes() {
    }

    private static JsonShape containerCreate() {
        JsonShape shape = JsonShape.of("CreateRequest");
        for (String text : new String[] {"Hostname", "Domainname", "User", "Image", "WorkingDir", "StopSignal", "MacAddress"}) {
            shape.field(text, STRING);
        }
        for (String flag : new String[] {"Tty", "OpenStdin", "StdinOnce", "AttachStdin", "AttachStdout", "AttachStderr",
            "NetworkDisabled"}) {
            shape.field(flag, BOOL);
        }
        shape.field("Cmd", STR_SLICE).field("Entrypoint", STR_SLICE).field("Env", STRING_LIST).field("Labels", STRING_MAP)
                .field("ExposedPorts", OBJECT).field("Volumes", OBJECT).field("StopTimeout", INT64).field("Healthcheck", OBJECT)
                .field("HostConfig", OBJECT).field("NetworkingConfig", OBJECT);
        resources(shape, "HostConfig.");
        for (String list : new String[] {"Binds", "Dns", "DnsOptions", "DnsSearch", "ExtraHosts", "SecurityOpt", "Links",
            "VolumesFrom", "GroupAdd"}) {
            shape.field("HostConfig." + list, STRING_LIST);
        }
        for (String flag : new String[] {"Privileged", "AutoRemove", "ReadonlyRootfs", "PublishAllPorts", "Init"}) {
            shape.field("HostConfig." + flag, BOOL);
        }
        return shape.field("HostConfig.CapAdd", STR_SLICE).field("HostConfig.CapDrop", STR_SLICE)
                .field("HostConfig.NetworkMode", STRING).field("HostConfig.ShmSize", INT64)
                .field("HostConfig.RestartPolicy", OBJECT).field("HostConfig.RestartPolicy.Name", STRING)
                .field("HostConfig.RestartPolicy.MaximumRetryCount", INT64).field("HostConfig.PortBindings", OBJECT)
                .field("HostConfig.LogConfig", OBJECT).field("HostConfig.Mounts", LIST).field("HostConfig.Tmpfs", STRING_MAP);
    }

    private static JsonShape resources(JsonShape shape, String prefix) {
        for (String field : RESOURCES) {
            shape.field(prefix + field, INT64);
        }
        return shape;
    }
}
