package rafting.sim.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tells whether a key-value history is linearizable: whether every operation can be given one
 * moment between its invocation and its completion such that, taken in the order of those
 * moments, the operations behave like a single map, one at a time. Operations that never
 * completed may take effect at any moment after their invocation, or not at all.
 *
 * <p>Every command works on one key, and linearizability is local (Herlihy and Wing, 1990): a
 * history is linearizable exactly when the history of each key is, taken alone. So the checker
 * splits the history by key and searches each one for a fitting order, depth first, in the manner
 * of Wing and Gong (1993) with Lowe's memo of (operations already placed, register value) pairs,
 * which it never expands twice (Lowe, "Testing for linearizability", 2017).
 *
 * <p>A command on several keys (Redis's {@code DEL a b}, {@code EXISTS a b}) is outside this
 * model. Record such a command as one single-key command per key only if the store really
 * applies it key by key; otherwise leave it out of the workload, since leaving a write out of the
 * history can make a correct history look wrong.
 *
 * <p>The search is exponential in the worst case (the problem is NP-complete), so it has a
 * {@link Budget}: search steps per key and search (a key may need up to three searches when some
 * operations are open), wall-clock time for the whole history (read from the budget's clock only),
 * and states remembered per search, which is its memory. A key that uses any of them up makes the
 * result {@code UNKNOWN}, with the {@link Budget.Limit} it reached, never a guess. A linearizable
 * history from a handful of clients that each wait for their reply needs a few steps per operation.
 */
public final class LinearizabilityChecker {

    private LinearizabilityChecker() {}

    /** Checks {@code history} with the {@linkplain Budget#DEFAULT default budget}. */
    public static CheckResult check(Collection<Operation> history) {
        throw new UnsupportedOperationException("Part 2: write LinearizabilityChecker.check");
    }

    /**
     * Checks {@code history}, key by key in key order. The result names the first key that is not
     * linearizable; failing that, the first whose search ran out of budget. Once the time is up,
     * the keys not yet searched are not searched (the result names the key that used the time up).
     * <p>The explanation of a failure starts {@code key x: no order of its 3 operations fits a single
     * register.}, then {@code The longest order found places 2 of them, ending with:} and those
     * operations, {@code after which x = "2", and none of these can come next:} and each candidate with
     * {@code (does not fit: x = "2")}; or {@code No operation can come first (b is absent at the start):}.
     * One out of budget reads {@code key x: gave up after } and what was spent ({@code %,d}):
     * {@code 10,000 search steps (the budget's steps)}, {@code 100 states remembered (the budget's
     * memory)}, or {@code PT0.005S (the budget's time), 1,234 search steps in}.
     */
    public static CheckResult check(Collection<Operation> history, Budget budget) {
        throw new UnsupportedOperationException("Part 2: write LinearizabilityChecker.check");
    }
}
