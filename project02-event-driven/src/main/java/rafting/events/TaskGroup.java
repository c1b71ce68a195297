package rafting.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Tasks that run together, each on its own thread, and end together: {@link #join} waits for all
 * of them and reports the first failure; when one task fails, the others are interrupted so that
 * none is left waiting on a channel that nobody will ever fill again.
 */
public final class TaskGroup implements AutoCloseable {

    /** A task's body: it may block, and may throw. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final String name;
    private final List<Thread> threads = new ArrayList<>();
    private Exception failure; // guarded by this

    private TaskGroup(String name) {
        this.name = name;
    }

    public static TaskGroup named(String name) {
        return new TaskGroup(name);
    }

    /** Starts a task on a new thread called {@code group/taskName}. */
    public synchronized TaskGroup fork(String taskName, Task task) {
        Thread thread = new Thread(() -> runTask(taskName, task), name + "/" + taskName);
        threads.add(thread);
        thread.start();
        return this;
    }

    private void runTask(String taskName, Task task) {
        try {
            task.run();
        } catch (Exception e) {
            boolean first;
            synchronized (this) {
                first = failure == null;
                if (first) {
                    failure = new Exception("task " + taskName + " of " + name + " failed: " + e, e);
                }
            }
            if (first && !(e instanceof InterruptedException)) {
                interruptAll();
            }
        }
    }

    private synchronized void interruptAll() {
        threads.forEach(Thread::interrupt);
    }

    /**
     * Waits until every task has ended and rethrows the first failure. If the tasks are still
     * running when the timeout passes, they are interrupted and a {@link TimeoutException} is thrown.
     */
    public void join(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : snapshot()) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, left / 1_000_000));
            }
            if (thread.isAlive()) {
                close();
                throw new TimeoutException(name + ": tasks still running after " + timeout);
            }
        }
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private synchronized List<Thread> snapshot() {
        return List.copyOf(threads);
    }

    /** Interrupts every task that is still running and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        interruptAll();
        for (Thread thread : snapshot()) {
            thread.join();
        }
    }
}
