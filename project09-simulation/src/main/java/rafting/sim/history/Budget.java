package rafting.sim.history;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How much the {@link LinearizabilityChecker} may spend on one history before it answers
 * {@code UNKNOWN}: search steps (operations tried on the register) per key and search, wall-clock
 * time for the whole history, and memory, counted as the states its memo remembers per search.
 * Each remembered state holds two bit sets of the key's operations and a value, so a million of
 * them is of the order of a hundred megabytes for a key of a few hundred operations.
 *
 * @param steps  search steps per key and search, at least 1
 * @param time   wall-clock time for the whole check, positive
 * @param states states remembered per key and search, at least 1
 * @param clock  where the time is read, in nanoseconds ({@code System::nanoTime}; a test's own)
 */
public record Budget(long steps, Duration time, long states, LongSupplier clock) {

    /** What a budget ran out of, in an {@code UNKNOWN} result. */
    public enum Limit { STEPS, TIME, MEMORY }

    /** One million steps, ten seconds and one million states remembered. */
    public static final Budget DEFAULT = new Budget(1_000_000, Duration.ofSeconds(10), 1_000_000, System::nanoTime);

    public Budget {
        if (steps < 1 || states < 1) {
            throw new IllegalArgumentException("a budget needs at least 1 step and 1 state, not " + steps
                    + " steps and " + states + " states");
        }
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("a budget needs a positive time, not " + time);
        }
    }

    /** This budget with {@code steps} search steps per key and search. */
    public Budget withSteps(long steps) {
        return new Budget(steps, time, this.states, clock);
    }

    /** This budget with {@code time} for the whole check. */
    public Budget withTime(Duration time) {
        return new Budget(steps, time, states, clock);
    }

    /** This budget with {@code states} states remembered per key and search. */
    public Budget withStates(long states) {
        return new Budget(steps, time, states, clock);
    }

    /** This budget reading the time from {@code clock}. */
    public Budget withClock(LongSupplier clock) {
        return new Budget(steps, time, states, clock);
    }

    /** The clock's reading at which the time runs out, for a check that starts now. */
    long deadline() {
        return clock.getAsLong() + time.toNanos();
    }
}
