package rafting.election;

/**
 * What a server must never forget besides its log (Figure 2, "persistent state"): its current
 * term and whom it voted for in that term (0 for nobody). Losing it lets a server vote twice in a term.
 */
public record TermVote(long term, int votedFor) {

    /** A server that has never run: term 0, no vote. */
    public static final TermVote INITIAL = new TermVote(0, RaftNode.NONE);

    public TermVote {
        if (term < 0 || votedFor < 0) {
            throw new IllegalArgumentException("term and votedFor are never negative, got " + term + ", " + votedFor);
        }
    }

    /** {@code t=3 vote=2}, or {@code t=3 vote=-} before any vote in the term. */
    @Override
    public String toString() {
        return "t=" + term + " vote=" + (votedFor == RaftNode.NONE ? "-" : votedFor);
    }
}
