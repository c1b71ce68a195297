package rafting.sim.history;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How much the {@link LinearizabilityChecker} may spend on one history before it answers
 * {@code UNKNOWN}: search steps (operations tried on the register) per key and search, wall-clock
 * time for the whole history, and memory, counted as the states its memo remembers per search.
 * The checker reads the time from {@code clock} only (a test hands in its own), never elsewhere.
 *
 * <p>The compact constructor refuses a budget that cannot decide anything, with an
 * {@code IllegalArgumentException}: fewer than 1 step or 1 state gives
 * {@code "a budget needs at least 1 step and 1 state, not <steps> steps and <states> states"}; a zero
 * or negative time gives {@code "a budget needs a positive time, not <Duration.toString()>"}.
 *
 * @param steps  search steps per key and search, at least 1
 * @param time   wall-clock time for the whole check, positive
 * @param states states remembered per key and search, at least 1
 * @param clock  where the time is read, in nanoseconds ({@code System::nanoTime}; a test's own)
 */
public record Budget(long steps, Duration time, long states, LongSupplier clock) {

    /** What a budget ran out of, in an {@code UNKNOWN} result. */
    public enum Limit { STEPS, TIME, MEMORY }

    /**
     * One million steps, ten seconds and one million states remembered, on {@code System::nanoTime}.
     * Given whole: it needs only the record.
     */
    public static final Budget DEFAULT = new Budget(1_000_000, Duration.ofSeconds(10), 1_000_000, System::nanoTime);

    public Budget {
        // Part 2: refuse fewer than 1 step or 1 state, and a time that is not positive (messages above).
        // (Left empty in the starter so that DEFAULT can be built; the tests check the refusals.)
    }

    /** This budget with {@code steps} search steps per key and search. */
    public Budget withSteps(long steps) {
        throw new UnsupportedOperationException("Part 2: write Budget.withSteps");
    }

    /** This budget with {@code time} for the whole check. */
    public Budget withTime(Duration time) {
        throw new UnsupportedOperationException("Part 2: write Budget.withTime");
    }

    /** This budget with {@code states} states remembered per key and search. */
    public Budget withStates(long states) {
        throw new UnsupportedOperationException("Part 2: write Budget.withStates");
    }

    /** This budget reading the time from {@code clock}. */
    public Budget withClock(LongSupplier clock) {
        throw new UnsupportedOperationException("Part 2: write Budget.withClock");
    }
}
