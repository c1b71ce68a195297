package rafting.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing run to a short one that breaks the same invariant: delta debugging over its
 * events (Zeller's ddmin: leave out ever smaller chunks while the run still fails), then one
 * event at a time until no single event can go, then flushes every input it can. A replay skips
 * events that no longer apply, so any subsequence is a run.
 */
public final class Shrinker {

    private Shrinker(Scenario scenario, String invariant, boolean duringRecovery) {
        throw new UnsupportedOperationException("Part 8: write Shrinker");
    }

    /** The shortest failing run found from {@code failing}, which breaks {@code failing.violation()}. */
    public static Shrunk shrink(Run failing) {
        throw new UnsupportedOperationException("Part 8: write Shrinker.shrink");
    }

    /** A shrunk run, how many events the original had, and how many replays shrinking took. */
    public record Shrunk(Run run, int originalEvents, int replays) {
    }

}
