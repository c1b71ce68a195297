package rafting.events;

import java.time.Duration;

/**
 * Part 3: tasks that run together, each on its own thread, and end together: {@link #join}
 * waits for all of them and reports the first failure; when one task fails, the others are
 * interrupted so that none is left waiting on a channel that nobody will ever fill again.
 */
public final class TaskGroup implements AutoCloseable {

    /** A task's body: it may block, and may throw. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private TaskGroup() {}

    /** An empty group. */
    public static TaskGroup named(String name) {
        throw new UnsupportedOperationException("Part 3: an empty group with that name");
    }

    /** Starts a task on a new thread called {@code group/taskName}; returns this group. */
    public synchronized TaskGroup fork(String taskName, Task task) {
        throw new UnsupportedOperationException("Part 3: start the task on a thread named group/task");
    }

    /**
     * Waits until every task has ended and rethrows the first failure as an {@link Exception}
     * whose message contains {@code task fails of failing failed} (for task {@code fails} of
     * group {@code failing}) and whose cause is what the task threw. If tasks are still running
     * when the timeout passes, they are interrupted and waited for, and a
     * {@link java.util.concurrent.TimeoutException} is thrown.
     */
    public void join(Duration timeout) throws Exception {
        throw new UnsupportedOperationException("Part 3: wait for every task, rethrow the first failure");
    }

    /** Interrupts every task that is still running and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        throw new UnsupportedOperationException("Part 3: interrupt and wait");
    }
}
