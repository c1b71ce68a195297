package rafting.election;

/**
 * What a server must never forget besides its log (Figure 2, "persistent state"): its current
 * term and whom it voted for in that term ({@link RaftNode#NONE}, 0, for nobody). Losing it lets a
 * server vote twice in a term.
 */
public record TermVote(long term, int votedFor) {

    /**
     * A server that has never run: term 0, no vote. Given: {@code new TermVote(0, RaftNode.NONE)}
     * (it needs the constructor of Part 1 to work).
     */
    public static final TermVote INITIAL = new TermVote(0, RaftNode.NONE);

    /**
     * Part 1: refuses a negative {@code term} or {@code votedFor} with an
     * {@link IllegalArgumentException}, message
     * {@code "term and votedFor are never negative, got <term>, <votedFor>"}.
     */
    public TermVote {
        throw new UnsupportedOperationException("Part 1: refuse a negative term or votedFor");
    }

    /**
     * Part 1: {@code t=3 vote=2}, or {@code t=3 vote=-} when {@code votedFor} is
     * {@link RaftNode#NONE}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: t=<term> vote=<votedFor, or - for none>");
    }
}
