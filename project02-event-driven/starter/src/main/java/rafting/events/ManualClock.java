package rafting.events;

import java.time.Duration;

/**
 * Part 1: a clock that moves only when told: the time source of deterministic tests.
 *
 * <p>Moving this clock by itself fires nothing. To fire timers, advance the {@link EventLoop}
 * that uses it ({@link EventLoop#advance(Duration)}): the loop moves the clock from deadline to
 * deadline, so each timer sees the time it was due at (give the loop a package-private way to
 * set the reading). Readings may be taken from any thread.
 */
public final class ManualClock implements Clock {

    private ManualClock() {}

    /** A clock that reads zero until advanced. */
    public static ManualClock create() {
        throw new UnsupportedOperationException("Part 1: a clock that reads 0");
    }

    /** The current reading. */
    @Override
    public long nanos() {
        throw new UnsupportedOperationException("Part 1: the current reading");
    }

    /**
     * Moves the clock forward; a negative amount throws {@link IllegalArgumentException}, since
     * monotonic time never goes back.
     */
    public void advance(Duration amount) {
        throw new UnsupportedOperationException("Part 1: move forward, refuse a negative amount");
    }

    /** {@code ManualClock at PT0S}: the reading as a {@link Duration}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: ManualClock at the reading");
    }
}
