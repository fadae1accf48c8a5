package dev.dockmock.junit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Things made for a server on demand (a docker-java client), closed before the server stops. */
final class Attachments implements AutoCloseable {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean closed;

    @SuppressWarnings("unchecked")
    synchronized <T> T computeIfAbsent(String key, Supplier<T> make) {
        if (closed) {
            throw new IllegalStateException("this dockmock server has stopped");
        }
        return (T) values.computeIfAbsent(key, k -> make.get());
    }

    @Override
    public void close() throws IOException {
        List<Object> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(values.values());
            values.clear();
        }
        Closer closer = new Closer();
        toClose.stream().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).forEach(closer::add);
        closer.close();
    }
}
