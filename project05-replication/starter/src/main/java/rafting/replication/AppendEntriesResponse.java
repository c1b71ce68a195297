package rafting.replication;

/**
 * Part 1: a follower's answer to {@link AppendEntries}. A success says how far the follower's log
 * now matches the leader's ({@code matchIndex}: the request's {@code prevLogIndex} plus its
 * entries, never the follower's own last index). A refusal carries a hint: the index the leader
 * should try next ({@code hintIndex}). Both echo the request's {@code round} ({@link AppendEntries}).
 */
public record AppendEntriesResponse(int from, int to, long term, boolean success, long matchIndex,
        long hintIndex, long round) implements Message {

    /**
     * Checks with {@link Message#check}; a success carries {@code matchIndex >= 0} and
     * {@code hintIndex == 0}, a refusal {@code hintIndex >= 1} and {@code matchIndex == 0}, and
     * the round is never negative; anything else is an {@link IllegalArgumentException}.
     */
    public AppendEntriesResponse {
        throw new UnsupportedOperationException("Part 1: check the answer");
    }

    /** A success: the follower's log matches the leader's up to {@code matchIndex} (hintIndex 0, round 0). */
    public static AppendEntriesResponse success(int from, int to, long term, long matchIndex) {
        throw new UnsupportedOperationException("Part 1: a success");
    }

    /** A refusal: try {@code hintIndex} next (matchIndex 0, round 0). */
    public static AppendEntriesResponse refusal(int from, int to, long term, long hintIndex) {
        throw new UnsupportedOperationException("Part 1: a refusal");
    }

    /** This answer with {@code request}'s round. */
    public AppendEntriesResponse answering(AppendEntries request) {
        throw new UnsupportedOperationException("Part 1: echo the round");
    }

    /**
     * Exactly {@code 1->2 AppendEntriesResponse t=3 ok match=7}, or
     * {@code 2->1 AppendEntriesResponse t=3 refused hint=3}, and {@code  round=9} at the end when the
     * round is not 0.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: one line of a trace");
    }
}
