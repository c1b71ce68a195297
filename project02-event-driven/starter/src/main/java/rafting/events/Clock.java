package rafting.events;

import java.time.Duration;

/**
 * Part 1: monotonic time, in nanoseconds from an arbitrary origin. Only differences between two
 * readings mean anything, which is exactly what timers need; wall-clock time can jump, this
 * cannot. Programs use {@link #system()}; tests use a {@link ManualClock}.
 */
@FunctionalInterface
public interface Clock {

    /** The current reading, in nanoseconds. Never goes back. */
    long nanos();

    /** The time elapsed since an earlier reading of this clock: {@code nanos() - earlierNanos}. */
    default Duration since(long earlierNanos) {
        throw new UnsupportedOperationException("Part 1: the time elapsed since an earlier reading");
    }

    /** The system's monotonic clock, {@link System#nanoTime()}. */
    static Clock system() {
        throw new UnsupportedOperationException("Part 1: a clock backed by System.nanoTime()");
    }
}
