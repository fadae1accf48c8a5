package dev.dockmock.engine.containers;

import dev.dockmock.engine.EngineContext;
import dev.dockmock.engine.images.Image;
import dev.dockmock.engine.process.OutputLog;
import dev.dockmock.engine.process.ProcessFiles;
import dev.dockmock.protocol.DockerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The container store: lookup by id, id prefix or name, creation and removal. Lifecycle changes
 * live in {@link Lifecycle}. Callers hold the engine's lock.
 */
public final class Containers {
    private static final int LOG_CAPACITY = 100_000;

    private final EngineContext context;
    private final Map<String, Container> byId = new LinkedHashMap<>();
    private final ContainerNameIndex names = new ContainerNameIndex();
    private VolumeUse volumeUse = VolumeUse.NONE;
    private Function<Container, ProcessFiles> processFiles = container -> ProcessFiles.NONE;
    private final StateVersion version = new StateVersion();

    public Containers(EngineContext context) {
        this.context = context;
    }

    /**
     * Creates a container from a parsed spec.
     *
     * @throws DockerException 400 for an invalid name, 409 when the name is taken
     */
    public Container create(String requestedName, Image image, java.util.function.Function<String, ContainerSpec> specFor) {
        String name = ContainerNames.checkName(requestedName);
        String id = context.ids().next();
        checkFree(name);
        return insert(id, name, image, specFor.apply(id.substring(0, 12)));
    }

    /** @throws DockerException 409 when {@code name} (null: a generated one) is taken */
    void checkFree(String name) {
        String holder = name == null ? null : names.holderOf(name);
        if (holder != null) {
            throw ContainerNames.conflict(name, holder);
        }
    }

    /**
     * Adds a container whose id was drawn and whose spec was built beforehand (outside the lock);
     * {@code name} null gets a generated name.
     *
     * @throws DockerException 409 when the name is taken
     */
    Container insert(String id, String name, Image image, ContainerSpec spec) {
        checkFree(name);
        return insert(prepare(id, name, image, spec, context.clock().instant()), name != null);
    }

    /**
     * Builds a container to {@link #insert(Container, boolean) insert}; needs no lock. {@code name}
     * null gets a generated name that was free when it was chosen.
     */
    Container prepare(String id, String name, Image image, ContainerSpec spec, Instant created) {
        String chosen = name != null ? name : names.generate(id);
        return new Container(id, chosen, created, image.id(), spec, new OutputLog(context.clock(), LOG_CAPACITY), version);
    }

    /**
     * Adds a {@link #prepare prepared} container. A generated name taken since it was chosen is
     * drawn again; a requested one is refused.
     *
     * @param requested whether the client asked for the container's name
     * @throws DockerException 409 when a requested name is taken
     */
    Container insert(Container container, boolean requested) {
        if (names.holderOf(container.name()) != null) {
            if (requested) {
                checkFree(container.name());
            }
            container.nameBeforeInsert(names.generate(container.id()));
        }
        version.bump();
        byId.put(container.id(), container);
        names.containers(byId.size());
        names.add(container, requested);
        return container;
    }

    /** By full id, unique id prefix, or name (with or without its leading slash). */
    public Optional<Container> find(String idOrName) {
        if (idOrName == null || idOrName.isEmpty()) {
            return Optional.empty();
        }
        Container exact = byId.get(idOrName);
        if (exact != null) {
            return Optional.of(exact);
        }
        String byName = names.holderOf(idOrName.startsWith("/") ? idOrName.substring(1) : idOrName);
        if (byName != null) {
            return Optional.of(byId.get(byName));
        }
        List<Container> prefixed = new ArrayList<>();
        for (Container container : byId.values()) {
            if (container.id().startsWith(idOrName)) {
                prefixed.add(container);
            }
        }
        if (prefixed.size() > 1) {
            throw new DockerException(400, "multiple IDs found with provided prefix: " + idOrName);
        }
        return prefixed.isEmpty() ? Optional.empty() : Optional.of(prefixed.get(0));
    }

    /** @throws DockerException 404 {@code No such container: x} */
    public Container get(String idOrName) {
        return find(idOrName).orElseThrow(() -> new DockerException(404, "No such container: " + idOrName));
    }

    public List<Container> all() {
        return new ArrayList<>(byId.values());
    }

    void rename(Container container, String newName) {
        String name = ContainerNames.checkNewName(newName);
        if (name.equals(container.name())) {
            throw new DockerException(400, "Renaming a container with the same name as its current name");
        }
        checkFree(name);
        version.bump();
        names.remove(container);
        container.rename(name);
        names.add(container, true);
    }

    void forget(Container container) {
        version.bump();
        byId.remove(container.id());
        names.containers(byId.size());
        names.remove(container);
    }

    /** Records an exec instance against its container ({@code ExecIDs} in inspect). */
    public void registerExec(Container container, String execId) {
        container.addExec(execId);
    }

    /** Whether any container (in any state) uses the image. */
    public boolean usesImage(String imageId) {
        return byId.values().stream().anyMatch(c -> c.imageId().equals(imageId));
    }

    /** Tells {@code volumes} about containers' lives from now on. */
    public void useVolumes(VolumeUse volumes) {
        this.volumeUse = java.util.Objects.requireNonNull(volumes, "volumes");
    }

    /** Gives containers' processes their container's files to read. */
    public void useFiles(Function<Container, ProcessFiles> files) {
        this.processFiles = java.util.Objects.requireNonNull(files, "files");
    }

    /** The files the processes of {@code container} can read. */
    public ProcessFiles processFiles(Container container) {
        return processFiles.apply(container);
    }

    VolumeUse volumeUse() {
        return volumeUse;
    }

    /** Changes so far to the containers' state; readable without the lock. */
    long version() {
        return version.value();
    }

    public EngineContext context() {
        return context;
    }
}
