package rafting.election;

/**
 * The answer to a client's proposal. A leader appends the command and says where: the command is
 * committed when the entry at {@code index} with {@code term} is; if another entry is applied at
 * that index, the command was lost with its leader and the client must be told so. A server that is
 * not the leader says which server is, or 0 when it does not know.
 */
public record Proposal(boolean accepted, long index, long term, int leaderId) {

    public static Proposal accepted(long index, long term, int leaderId) {
        return new Proposal(true, index, term, leaderId);
    }

    public static Proposal notLeader(int leaderId) {
        return new Proposal(false, 0, 0, leaderId);
    }

    /** {@code accepted at 5/3}, {@code not leader; try 2}, or {@code not leader; leader unknown}. */
    @Override
    public String toString() {
        if (accepted) {
            return "accepted at " + index + "/" + term;
        }
        return "not leader; " + (leaderId == RaftNode.NONE ? "leader unknown" : "try " + leaderId);
    }
}
