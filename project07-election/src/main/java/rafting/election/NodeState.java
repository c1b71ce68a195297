package rafting.election;

/** What a node shows the outside world: for tests, tools and status reports. */
public record NodeState(int id, Role role, long term, int votedFor, int leaderId, long commitIndex,
        long lastApplied, long lastLogIndex, long lastLogTerm) {

    /** {@code n2 leader t=3 vote=2 leader=2 commit=5 applied=5 last=5/3}. */
    @Override
    public String toString() {
        return "n" + id + " " + role + " t=" + term + " vote=" + name(votedFor) + " leader=" + name(leaderId)
                + " commit=" + commitIndex + " applied=" + lastApplied + " last=" + lastLogIndex + "/" + lastLogTerm;
    }

    private static String name(int id) {
        return id == RaftNode.NONE ? "-" : Integer.toString(id);
    }
}
