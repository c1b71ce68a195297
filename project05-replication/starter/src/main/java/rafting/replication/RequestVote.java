package rafting.replication;

/**
 * Part 1: a candidate's RequestVote (Figure 2), with its last log entry for the up-to-date rule of
 * §5.4.1. A pre-vote ({@code preVote} true, thesis §9.6) asks whether the receiver would vote for
 * the sender at {@code term} without anyone changing term or vote. Used from Project 7 on.
 */
public record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm, boolean preVote)
        implements Message {

    /**
     * Checks with {@link Message#check}; a negative {@code lastLogIndex} or {@code lastLogTerm}, or
     * a {@code lastLogTerm} later than {@code term}, is an {@link IllegalArgumentException}.
     */
    public RequestVote {
        throw new UnsupportedOperationException("Part 1: check the vote request");
    }

    /** Exactly {@code 3->1 RequestVote t=4 last=7/3}, or {@code 3->1 PreVote t=4 last=7/3} for a pre-vote. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: one line of a trace");
    }
}
