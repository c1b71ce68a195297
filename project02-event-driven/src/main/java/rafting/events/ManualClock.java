package rafting.events;

import java.time.Duration;

/**
 * A clock that moves only when told: the time source of deterministic tests.
 *
 * <p>Moving this clock by itself fires nothing. To fire timers, advance the
 * {@link EventLoop} that uses it ({@link EventLoop#advance(Duration)}): the loop moves the clock
 * from deadline to deadline, so each timer sees the time it was due at.
 */
public final class ManualClock implements Clock {

    private volatile long nanos;

    private ManualClock(long nanos) {
        this.nanos = nanos;
    }

    /** A clock that reads zero until advanced. */
    public static ManualClock create() {
        return new ManualClock(0);
    }

    @Override
    public long nanos() {
        return nanos;
    }

    /** Moves the clock forward; a negative amount is refused, since monotonic time never goes back. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a clock never goes back: " + amount);
        }
        nanos += amount.toNanos();
    }

    /** Sets the reading; used by the event loop to step from one deadline to the next. */
    void moveTo(long newNanos) {
        if (newNanos < nanos) {
            throw new IllegalArgumentException("a clock never goes back: " + newNanos + " < " + nanos);
        }
        nanos = newNanos;
    }

    @Override
    public String toString() {
        return "ManualClock at " + Duration.ofNanos(nanos);
    }
}
