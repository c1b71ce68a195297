package rafting.replication;

/**
 * A follower's answer to {@link AppendEntries}. A success says how far the follower's log now
 * matches the leader's ({@code matchIndex}: the request's {@code prevLogIndex} plus its entries,
 * never the follower's own last index, which may hold entries the leader never sent). A refusal
 * carries a hint: the index the leader should try next ({@code hintIndex}). Both echo the
 * request's {@code round} ({@link AppendEntries}).
 */
public record AppendEntriesResponse(int from, int to, long term, boolean success, long matchIndex,
        long hintIndex, long round) implements Message {

    public AppendEntriesResponse {
        Message.check(from, to, term);
        if (success ? matchIndex < 0 || hintIndex != 0 : hintIndex < 1 || matchIndex != 0) {
            throw new IllegalArgumentException("a success carries matchIndex >= 0, a refusal hintIndex >= 1: "
                    + success + " match=" + matchIndex + " hint=" + hintIndex);
        }
        if (round < 0) {
            throw new IllegalArgumentException("a round is never negative, got " + round);
        }
    }

    /** A success: the follower's log matches the leader's up to {@code matchIndex}. */
    public static AppendEntriesResponse success(int from, int to, long term, long matchIndex) {
        return new AppendEntriesResponse(from, to, term, true, matchIndex, 0, 0);
    }

    /** A refusal: the follower's log does not hold the request's previous entry; try {@code hintIndex} next. */
    public static AppendEntriesResponse refusal(int from, int to, long term, long hintIndex) {
        return new AppendEntriesResponse(from, to, term, false, 0, hintIndex, 0);
    }

    /** This answer, echoing {@code request}'s round. */
    public AppendEntriesResponse answering(AppendEntries request) {
        return new AppendEntriesResponse(from, to, term, success, matchIndex, hintIndex, request.round());
    }

    @Override
    public String toString() {
        return from + "->" + to + " AppendEntriesResponse t=" + term
                + (success ? " ok match=" + matchIndex : " refused hint=" + hintIndex) + (round == 0 ? "" : " round=" + round);
    }
}
