package rafting.election;

/**
 * What a node shows the outside world: for tests, tools and status reports. {@code votedFor} and
 * {@code leaderId} are {@link RaftNode#NONE} (0) when there is none.
 */
public record NodeState(int id, Role role, long term, int votedFor, int leaderId, long commitIndex,
        long lastApplied, long lastLogIndex, long lastLogTerm) {

    /**
     * Part 1: one line, {@code n2 leader t=3 vote=2 leader=2 commit=5 applied=5 last=5/3}: the
     * role as {@link Role#toString()} spells it, {@code -} for a {@code votedFor} or
     * {@code leaderId} of {@link RaftNode#NONE}, and the last log entry as index/term.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: n<id> <role> t=<term> vote=<id or -> leader=<id or -> commit=<c> applied=<a> last=<index>/<term>");
    }
}
