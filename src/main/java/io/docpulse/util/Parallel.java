package io.docpulse.util;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task per item on a fixed number of threads and returns the results in the items'
 * order, so a stage's output never depends on the thread count.
 */
public final class Parallel {
    private Parallel() {
    }

    /** A function that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface Task<T, R> {
        R apply(T item) throws IOException;
    }

    /**
     * @param name names the threads ("docpulse-" + name), which shows in thread dumps and profiles
     * @return one result per item, in the items' order
     * @throws IOException the first failure in item order; tasks still running are stopped and awaited
     */
    public static <T, R> List<R> map(List<T> items, int threads, String name, Task<? super T, ? extends R> task)
            throws IOException {
        List<R> out = new ArrayList<>(items.size());
        boolean counted = Progress.stage(name, items.size());
        if (threads <= 1 || items.size() <= 1) {
            for (T item : items) {
                out.add(task.apply(item));
                if (counted) Progress.step();
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "docpulse-" + name);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    R r = task.apply(item);
                    if (counted) Progress.step();
                    return r;
                }));
            }
            for (Future<R> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + name, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
            try {
                // tasks still running after a failure must not write once the caller cleans up
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
