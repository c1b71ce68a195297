package rafting.replication;

import java.util.List;
import rafting.log.LogEntry;

/**
 * Part 1: the leader's AppendEntries (Figure 2): the entries to store after {@code prevLogIndex},
 * whose term must be {@code prevLogTerm}, and the leader's commit index. With no entries it is a
 * heartbeat.
 *
 * <p>{@code round} numbers the leader's rounds of requests, and the answer echoes it, so that the
 * leader knows which of its requests a follower has seen (Part 5's {@link Leader#startRound()};
 * Project 11's read-index reads use it). It is 0 for a leader that does not count rounds.
 */
public record AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm,
        List<LogEntry> entries, long leaderCommit, long round) implements Message {

    /**
     * Checks with {@link Message#check}, and refuses with an {@link IllegalArgumentException}: a
     * negative {@code prevLogIndex}, {@code prevLogTerm}, {@code leaderCommit} or {@code round}; a
     * {@code prevLogTerm} or an entry of a term later than {@code term}, because a leader of term t
     * has no entry of a later term to send (message containing {@code no entry of a later term}).
     * Keeps its own unmodifiable copy of {@code entries}.
     */
    public AppendEntries {
        throw new UnsupportedOperationException("Part 1: check the request and copy its entries");
    }

    /** A request of round 0. Given whole. */
    public AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm, List<LogEntry> entries,
            long leaderCommit) {
        this(from, to, term, prevLogIndex, prevLogTerm, entries, leaderCommit, 0);
    }

    /** The index of the last entry this request carries: {@code prevLogIndex} plus the number of entries. */
    public long lastIndex() {
        throw new UnsupportedOperationException("Part 1: the last index carried");
    }

    /**
     * Exactly {@code 2->1 AppendEntries t=3 prev=5/2 n=2 commit=4} (n: the number of entries), and
     * {@code  round=9} at the end when the round is not 0.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: one line of a trace");
    }
}
