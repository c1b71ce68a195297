package rafting.events;

import java.time.Duration;

/**
 * A scheduled action of an {@link EventLoop}: one-shot, or periodic at a fixed rate. The handle
 * lets its owner cancel it, from any thread.
 */
public final class Timer {

    private final EventLoop loop;
    private final Runnable action;
    private final long periodNanos; // 0 for a one-shot timer
    private long deadline;          // guarded by the loop's lock
    private long sequence;          // breaks ties between equal deadlines: first scheduled, first fired
    private volatile boolean cancelled;

    Timer(EventLoop loop, Runnable action, long deadline, long periodNanos) {
        this.loop = loop;
        this.action = action;
        this.deadline = deadline;
        this.periodNanos = periodNanos;
    }

    /**
     * Stops this timer: it will not fire again, even if it is already due and waiting in the
     * current batch. Returns false if it was already cancelled or a one-shot timer has already fired.
     */
    public boolean cancel() {
        return loop.cancel(this);
    }

    /** True once {@link #cancel()} has been called, or a one-shot timer has fired. */
    public boolean isDone() {
        return cancelled;
    }

    boolean isPeriodic() {
        return periodNanos > 0;
    }

    long deadline() {
        return deadline;
    }

    long sequence() {
        return sequence;
    }

    /** Gives this timer its place in the queue: the next deadline and a fresh sequence number. */
    void arm(long newDeadline, long newSequence) {
        deadline = newDeadline;
        sequence = newSequence;
    }

    long nextDeadline() {
        return deadline + periodNanos;
    }

    /** Marks the timer done; true if this call is the one that did it. */
    boolean markDone() {
        if (cancelled) {
            return false;
        }
        cancelled = true;
        return true;
    }

    Runnable action() {
        return action;
    }

    @Override
    public String toString() {
        String kind = isPeriodic() ? "every " + Duration.ofNanos(periodNanos) : "once";
        return "Timer(" + kind + ", due at " + Duration.ofNanos(deadline) + (cancelled ? ", done)" : ")");
    }
}
