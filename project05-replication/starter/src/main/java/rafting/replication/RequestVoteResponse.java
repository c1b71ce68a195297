package rafting.replication;

/** Part 1: the answer to {@link RequestVote}: whether the vote (or the pre-vote) is granted. Used from Project 7 on. */
public record RequestVoteResponse(int from, int to, long term, boolean granted, boolean preVote) implements Message {

    /** Checks with {@link Message#check}. */
    public RequestVoteResponse {
        throw new UnsupportedOperationException("Part 1: check the vote answer");
    }

    /**
     * Exactly {@code 1->3 RequestVoteResponse t=4 granted}, or with {@code refused}; a pre-vote's
     * answer reads {@code 1->3 PreVoteResponse t=4 refused}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: one line of a trace");
    }
}
