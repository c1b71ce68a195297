package rafting.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing run to a short one that breaks the same invariant, in rounds until a round
 * changes nothing: delta debugging over its events (Zeller's ddmin: leave out ever smaller chunks
 * while the run still fails); whole faults ({@link #faults}); all the activity of one node
 * ({@link #nodeActivity}); one event at a time until no single event can go; and flushing every
 * input it can. A replay skips events that no longer apply, so any subsequence is a run.
 */
public final class Shrinker {

    private Shrinker(Scenario scenario, String invariant, boolean duringRecovery) {
        throw new UnsupportedOperationException("Part 8: write Shrinker");
    }

    /**
     * The shortest story among the first failures of a search: shrinks {@code found}'s failure,
     * and while the shortest story so far has more than 30 events, the failures of the next seeds
     * of the search (at most 3 in all). Leaving events out keeps a story near the way its run broke
     * the rule, which may take long; another seed often breaks it more simply. A search that found
     * nothing is an {@link IllegalArgumentException}.
     */
    public static Shrunk shortestOf(FlawSearch.Result found) {
        throw new UnsupportedOperationException("Part 8: the shortest of the first failures");
    }

    /** The shortest failing run found from {@code failing}, which breaks {@code failing.violation()}. */
    public static Shrunk shrink(Run failing) {
        throw new UnsupportedOperationException("Part 8: write Shrinker.shrink");
    }

    /**
     * The positions in {@code events} of each whole fault, in order of its crash: the crash, the
     * write-backs of the crashed node after it up to its restart, and that restart (a crash never
     * restarted is the crash and its write-backs to the end).
     */
    static List<List<Integer>> faults(List<Event> events) {
        throw new UnsupportedOperationException("Part 8: write Shrinker.faults");
    }

    /**
     * For each node, in order of node id, the positions of every event that is its own: its timers,
     * proposals, crash, restart and write-backs, and the messages delivered to it.
     */
    static List<List<Integer>> nodeActivity(List<Event> events) {
        throw new UnsupportedOperationException("Part 8: write Shrinker.nodeActivity");
    }

    /** A shrunk run, how many events the original had, and how many replays shrinking took. */
    public record Shrunk(Run run, int originalEvents, int replays) {
    }

}
