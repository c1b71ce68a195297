package rafting.sim.history;

/**
 * What the {@link LinearizabilityChecker} concluded about a history.
 *
 * @param outcome     the verdict
 * @param key         the key the verdict is about when it is not LINEARIZABLE, otherwise null
 * @param explanation for NOT_LINEARIZABLE, the operations that could not be ordered; for UNKNOWN,
 *                    where the search gave up; empty for LINEARIZABLE
 * @param limit       for UNKNOWN, what the {@link Budget} ran out of; otherwise null
 */
public record CheckResult(Outcome outcome, String key, String explanation, Budget.Limit limit) {

    public enum Outcome {
        /** Every key's operations fit one order that respects real time and a single register. */
        LINEARIZABLE,
        /** For {@link #key}, no such order exists. */
        NOT_LINEARIZABLE,
        /** The search for {@link #key} used up its budget before it could tell (no key failed). */
        UNKNOWN
    }

    static CheckResult linearizable() {
        throw new UnsupportedOperationException("Part 2: write CheckResult.linearizable");
    }

    public boolean isLinearizable() {
        throw new UnsupportedOperationException("Part 2: write CheckResult.isLinearizable");
    }

    /**
     * {@code LINEARIZABLE}, or the outcome, {@code ": "} and the explanation.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 2: write CheckResult.toString");
    }
}
