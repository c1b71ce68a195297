package rafting.events;

import java.time.Duration;

/**
 * Monotonic time, in nanoseconds from an arbitrary origin. Only differences between two readings
 * mean anything, which is exactly what timers need; wall-clock time can jump, this cannot.
 *
 * <p>Programs use {@link #system()}; tests use a {@link ManualClock} that moves only when told.
 */
@FunctionalInterface
public interface Clock {

    /** The current reading, in nanoseconds. Never goes back. */
    long nanos();

    /** The time elapsed since an earlier reading of this clock. */
    default Duration since(long earlierNanos) {
        return Duration.ofNanos(nanos() - earlierNanos);
    }

    /** The system's monotonic clock, {@link System#nanoTime()}. */
    static Clock system() {
        return System::nanoTime;
    }
}
