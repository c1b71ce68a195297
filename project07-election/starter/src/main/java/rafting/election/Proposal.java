package rafting.election;

/**
 * The answer to a client's proposal. A leader appends the command and says where: the command is
 * committed when the entry at {@code index} with {@code term} is; if another entry is applied at
 * that index, the command was lost with its leader and the client must be told so. A server that is
 * not the leader says which server is, or {@link RaftNode#NONE} (0) when it does not know.
 */
public record Proposal(boolean accepted, long index, long term, int leaderId) {

    /** Part 1: {@code new Proposal(true, index, term, leaderId)}. */
    public static Proposal accepted(long index, long term, int leaderId) {
        throw new UnsupportedOperationException("Part 1: an accepted proposal at index/term");
    }

    /** Part 1: {@code new Proposal(false, 0, 0, leaderId)}. */
    public static Proposal notLeader(int leaderId) {
        throw new UnsupportedOperationException("Part 1: a refusal that names the leader");
    }

    /**
     * Part 1: {@code accepted at 5/3} (index/term) when accepted; otherwise
     * {@code not leader; try 2}, or {@code not leader; leader unknown} when {@code leaderId} is
     * {@link RaftNode#NONE}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: accepted at <index>/<term>, or not leader; try <id>");
    }
}
