package rafting.replication;

import java.util.List;
import rafting.log.LogEntry;

/**
 * The leader's AppendEntries (Figure 2): the entries to store after {@code prevLogIndex}, whose
 * term must be {@code prevLogTerm}, and the leader's commit index. With no entries it is a heartbeat.
 *
 * <p>{@code round} numbers the leader's rounds of requests, and the answer echoes it, so that the
 * leader knows which of its requests a follower has seen: a majority answering a round started
 * after a read came in proves the leader still led then (thesis §6.4, Project 11's read-index
 * reads). It is 0 for a leader that does not count rounds.
 */
public record AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm,
        List<LogEntry> entries, long leaderCommit, long round) implements Message {

    public AppendEntries {
        Message.check(from, to, term);
        if (prevLogIndex < 0 || prevLogTerm < 0 || leaderCommit < 0 || round < 0) {
            throw new IllegalArgumentException("indexes, terms and rounds are never negative: " + prevLogIndex
                    + "/" + prevLogTerm + " commit=" + leaderCommit + " round=" + round);
        }
        entries = List.copyOf(entries);
        // A leader of term t has no entry of a later term to send.
        if (prevLogTerm > term || entries.stream().anyMatch(entry -> entry.term() > term)) {
            throw new IllegalArgumentException("a leader of term " + term + " sends no entry of a later term: prev="
                    + prevLogIndex + "/" + prevLogTerm + " " + entries);
        }
    }

    /** A request of round 0. */
    public AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm, List<LogEntry> entries,
            long leaderCommit) {
        this(from, to, term, prevLogIndex, prevLogTerm, entries, leaderCommit, 0);
    }

    /** The index of the last entry this request carries, or {@code prevLogIndex} for a heartbeat. */
    public long lastIndex() {
        return prevLogIndex + entries.size();
    }

    @Override
    public String toString() {
        return from + "->" + to + " AppendEntries t=" + term + " prev=" + prevLogIndex + "/" + prevLogTerm
                + " n=" + entries.size() + " commit=" + leaderCommit + (round == 0 ? "" : " round=" + round);
    }
}
