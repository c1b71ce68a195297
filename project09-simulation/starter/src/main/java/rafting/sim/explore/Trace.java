package rafting.sim.explore;

import java.util.List;

/**
 * A path from an initial state to where a check failed: the shortest one there is, since the
 * explorer goes breadth-first.
 *
 * @param problem what went wrong, such as {@code invariant "one green" broken}
 * @param steps   the initial state first (with no event), then every event and the state after it
 */
public record Trace<S, E>(String problem, List<Step<S, E>> steps) {

    public Trace {
        throw new UnsupportedOperationException("Part 1: write Trace");
    }

    /** One event and the state it led to; the first step has no event. */
    public record Step<S, E>(E event, S state) {
        /**
         * The event ({@code (start)} for the first step), {@code " -> "}, the state.
         */
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 1: write Step.toString");
    }
    }

    /** The events alone, in order: what a test asserts. */
    public List<E> events() {
        throw new UnsupportedOperationException("Part 1: write Trace.events");
    }

    /** The state where the trace ends. */
    public S lastState() {
        throw new UnsupportedOperationException("Part 1: write Trace.lastState");
    }

    /**
     * The problem on one line, then one numbered line per step.
     *
     * {@code PROBLEM after K events:}, then for each step {@code String.format("%n%4d  %s%n      %s", i,
     * event or "(start)", state)}: its number right-aligned in 4, two spaces, the event, and the state on
     * the next line indented by 6.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: write Trace.toString");
    }
}
