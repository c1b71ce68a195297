package rafting.replication;

import java.util.List;
import rafting.log.LogEntry;

/**
 * The leader's AppendEntries (Figure 2): the entries to store after {@code prevLogIndex}, whose
 * term must be {@code prevLogTerm}, and the leader's commit index. With no entries it is a heartbeat.
 */
public record AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm,
        List<LogEntry> entries, long leaderCommit) implements Message {

    public AppendEntries {
        Message.check(from, to, term);
        if (prevLogIndex < 0 || prevLogTerm < 0 || leaderCommit < 0) {
            throw new IllegalArgumentException("indexes and terms are never negative: " + prevLogIndex
                    + "/" + prevLogTerm + " commit=" + leaderCommit);
        }
        entries = List.copyOf(entries);
    }

    /** The index of the last entry this request carries, or {@code prevLogIndex} for a heartbeat. */
    public long lastIndex() {
        return prevLogIndex + entries.size();
    }

    @Override
    public String toString() {
        return from + "->" + to + " AppendEntries t=" + term + " prev=" + prevLogIndex + "/" + prevLogTerm
                + " n=" + entries.size() + " commit=" + leaderCommit;
    }
}
