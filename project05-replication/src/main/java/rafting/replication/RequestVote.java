package rafting.replication;

/**
 * A candidate's RequestVote (Figure 2), with its last log entry for the up-to-date rule of §5.4.1.
 * A pre-vote ({@code preVote} true, thesis §9.6) asks whether the receiver would vote for the
 * sender at {@code term} without anyone changing term or vote.
 */
public record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm, boolean preVote)
        implements Message {

    public RequestVote {
        Message.check(from, to, term);
        if (lastLogIndex < 0 || lastLogTerm < 0) {
            throw new IllegalArgumentException("indexes and terms are never negative: " + lastLogIndex + "/" + lastLogTerm);
        }
    }

    @Override
    public String toString() {
        return from + "->" + to + " " + (preVote ? "PreVote" : "RequestVote") + " t=" + term
                + " last=" + lastLogIndex + "/" + lastLogTerm;
    }
}
