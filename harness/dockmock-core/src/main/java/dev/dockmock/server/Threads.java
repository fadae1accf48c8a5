package dev.dockmock.server;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for connections: virtual threads where the running JVM has them (21+), daemon platform
 * threads otherwise. The bytecode stays Java 17, so the virtual form is reached reflectively.
 */
final class Threads {

    private Threads() {
    }

    /** One new thread per connection. */
    static ExecutorService perConnection() {
        try {
            Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return (ExecutorService) factory.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Executors.newCachedThreadPool(daemon("dockmock-conn-"));
        }
    }

    /** Whether connections run on virtual threads in this JVM. */
    static boolean virtual() {
        try {
            Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
