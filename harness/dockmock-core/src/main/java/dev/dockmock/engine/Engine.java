package dev.dockmock.engine;

import dev.dockmock.dispatch.Dispatcher;
import dev.dockmock.dispatch.Route;
import dev.dockmock.dispatch.Router;
import dev.dockmock.dispatch.VersionGate;
import dev.dockmock.engine.build.BuildRoutes;
import dev.dockmock.engine.containers.ContainerExtraRoutes;
import dev.dockmock.engine.containers.ContainerRoutes;
import dev.dockmock.engine.containers.ContainerStreamRoutes;
import dev.dockmock.engine.containers.Containers;
import dev.dockmock.engine.containers.Lifecycle;
import dev.dockmock.engine.containers.NetworkConnections;
import dev.dockmock.engine.events.EventBus;
import dev.dockmock.engine.events.EventRoutes;
import dev.dockmock.engine.exec.ExecRoutes;
import dev.dockmock.engine.files.ArchiveRoutes;
import dev.dockmock.engine.files.FileSystems;
import dev.dockmock.engine.imageio.ImageIoRoutes;
import dev.dockmock.engine.images.ImageCatalogue;
import dev.dockmock.engine.images.ImageRoutes;
import dev.dockmock.engine.images.ImageStore;
import dev.dockmock.engine.networks.NetworkRoutes;
import dev.dockmock.engine.networks.Networks;
import dev.dockmock.engine.system.BuildKitRoutes;
import dev.dockmock.engine.system.DaemonRoutes;
import dev.dockmock.engine.system.PluginRoutes;
import dev.dockmock.engine.swarm.LocalNodeRuntime;
import dev.dockmock.engine.swarm.Swarm;
import dev.dockmock.engine.volumes.VolumeMounting;
import dev.dockmock.engine.volumes.VolumeRoutes;
import dev.dockmock.engine.volumes.Volumes;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake Docker engine: stateful containers, images, networks and events behind the Docker API.
 * Build one with {@link EngineConfig}, serve {@link #dispatcher()}, and {@link #close()} it to end
 * every simulated process and release its loopback ports.
 */
public final class Engine implements AutoCloseable {
    private final EngineContext context;
    private final Containers containers;
    private final Lifecycle lifecycle;
    private final Router router;
    private final FileSystems files;
    private final List<Route> standIns = new ArrayList<>();
    private final Dispatcher dispatcher;
    private final Swarm swarm;

    private Engine(EngineConfig config) {
        Object lock = new Object();
        EventBus events = new EventBus(config.clock(), 1024);
        this.context = new EngineContext(lock, config.identity(), config.clock(), config.ids(), events, config.timing(),
                config.catalogue(), new ImageStore(), new Networks(config.ids(), config.clock().instant()),
                config.programs(), config.ports(), new EngineFaults());
        this.containers = new Containers(context);
        this.lifecycle = new Lifecycle(context, containers);
        Volumes volumes = new Volumes(context);
        VolumeMounting mounting = new VolumeMounting(context, volumes, containers);
        this.files = new FileSystems(context, containers, volumes::contents, config.hostBinds());
        containers.useVolumes(mounting.andThen(files.volumeUse()));
        containers.useFiles(files::processView);
        this.swarm = new Swarm(context, new LocalNodeRuntime(context, containers, lifecycle, files,
                request -> router().dispatch(request)),
                "127.0.0.1");
        ContainerTally tally = new ContainerTally(context, containers);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new SystemRoutes(config.identity(), tally::counts, swarm).routes());
        routes.addAll(new EventRoutes(events).routes());
        routes.addAll(new ContainerRoutes(context, containers, lifecycle).routes());
        routes.addAll(new ContainerStreamRoutes(context, containers, lifecycle).routes());
        routes.addAll(new ContainerExtraRoutes(context, containers, lifecycle).routes());
        routes.addAll(new ExecRoutes(context, containers).routes());
        routes.addAll(new ImageRoutes(context, tally.users()).routes());
        routes.addAll(new NetworkRoutes(context, new NetworkConnections(context, containers), swarm.networks()).routes());
        routes.addAll(new VolumeRoutes(context, volumes, mounting).routes());
        routes.addAll(new DaemonRoutes(context, containers, volumes, mounting).routes());
        standIns.addAll(new PluginRoutes().routes());
        standIns.addAll(new BuildKitRoutes().routes());
        routes.addAll(standIns);
        routes.addAll(swarm.routes());
        routes.addAll(new ArchiveRoutes(files).routes());
        routes.addAll(new ImageIoRoutes(files).routes());
        routes.addAll(new BuildRoutes(files).routes());
        this.router = new Router(routes);
        this.dispatcher = new VersionGate(config.identity().apiRange(), config.identity().serverHeader(), router);
    }

    /** An engine with {@code config}; its images start as {@code config.seedImages()} says. */
    public static Engine create(EngineConfig config) {
        Engine engine = new Engine(config);
        synchronized (engine.context.lock()) {
            config.seedImages().forEach(engine::seed);
        }
        return engine;
    }

    /** An engine with the defaults: the built-in catalogue, random ids, fast timing, real loopback ports. */
    public static Engine create() {
        return create(EngineConfig.defaults());
    }

    private void seed(String reference) {
        dev.dockmock.engine.images.ImageReference ref = dev.dockmock.engine.images.ImageReference.parse(reference);
        ImageCatalogue.Entry entry = context.catalogue().find(ref)
                .orElseThrow(() -> new IllegalArgumentException("no image " + reference + " in the catalogue to seed"));
        var existing = context.images().find(entry.image().id()).orElse(entry.image());
        List<String> tags = new ArrayList<>(existing.repoTags());
        if (!tags.contains(ref.familiarTagged())) {
            tags.add(ref.familiarTagged());
        }
        context.images().put(existing.withTags(tags));
    }

    /** The dispatcher answering the Docker API from this engine's state. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    private Router router() {
        return router;
    }

    /** This engine's swarm mode: inactive until {@code POST /swarm/init}. */
    public Swarm swarm() {
        return swarm;
    }

    /** The route table behind {@link #dispatcher()}, for coverage reports and tooling. */
    public List<Route> routes() {
        return router.routes();
    }

    /**
     * The routes that answer for features this engine does not have (plugins, swarm before it
     * exists, BuildKit) the way dockerd without them answers; they are not implementations.
     */
    public List<Route> standInRoutes() {
        return List.copyOf(standIns);
    }

    /** What every part of the engine shares; for fixtures, faults and tests. */
    public EngineContext context() {
        return context;
    }

    /** Docker-level faults to carry out: failing pulls, exits, OOM kills, flapping health. */
    public EngineFaults faults() {
        return context.faults();
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public Containers containers() {
        return containers;
    }

    /** The in-memory files of images and containers. */
    public FileSystems files() {
        return files;
    }

    /** Ends every simulated process and closes every published port. */
    @Override
    public void close() {
        swarm.close();
        lifecycle.shutdown();
    }
}
