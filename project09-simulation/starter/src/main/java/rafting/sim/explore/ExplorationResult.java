package rafting.sim.explore;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What an exploration found.
 *
 * @param verdict     how it ended
 * @param states      distinct states reached (by the explorer's key)
 * @param transitions events that led somewhere, counting those that led to a state seen before
 * @param depth       the largest number of events from an initial state to a state reached
 * @param fired       the transitions of each kind of event ({@link Explorer#kindOf}); a kind that
 *                    never led anywhere is absent. They add up to {@code transitions}
 * @param trace       the shortest way to the problem, when there is one; otherwise null
 */
public record ExplorationResult<S, E>(Verdict verdict, long states, long transitions, int depth,
                                SortedMap<String, Long> fired, Trace<S, E> trace) {

    /** How an exploration ended. */
    public enum Verdict {
        /** Every reachable state was visited and every check held in every one of them. */
        PASSED,
        /** Every check held as far as the explorer went, but a bound stopped it before the end. */
        BOUNDED,
        /** An invariant or step property failed; see the trace. */
        VIOLATION,
        /** A state had no next state and was not a legal end; see the trace. */
        DEADLOCK
    }

    /** The trace to the problem found, if any. */
    public Optional<Trace<S, E>> counterexample() {
        throw new UnsupportedOperationException("Part 1: write ExplorationResult.counterexample");
    }

    /**
     * The kinds among {@code kinds} that never fired, in the order given: "sometimes" properties
     * that failed. A model whose bounds allow proposals, say, but where no proposal ever happens,
     * checks nothing about proposals; a test of it should ask for this list to be empty.
     */
    public List<String> neverFired(Collection<String> kinds) {
        throw new UnsupportedOperationException("Part 1: write ExplorationResult.neverFired");
    }

    /** True when the exploration found no problem (whether it finished or was bounded). */
    public boolean noProblemFound() {
        throw new UnsupportedOperationException("Part 1: write ExplorationResult.noProblemFound");
    }

    /**
     * {@code VERDICT: N states, T transitions, depth D} (numbers with {@code %,d}), then, on the next
     * line, the trace if there is one.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: write ExplorationResult.toString");
    }
}
