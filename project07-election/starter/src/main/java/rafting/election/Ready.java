package rafting.election;

import java.util.List;
import rafting.log.LogEntry;
import rafting.replication.Message;

/**
 * Everything a node wants done after the inputs it was given since the last
 * {@link RaftNode#ready()}. The node writes nothing and applies nothing itself; its driver (Part 4,
 * {@link Driver}) does all of it, in this order:
 *
 * <ol>
 *   <li>send {@code sendNow}: a leader's AppendEntries, which may leave before its own log is
 *       durable (thesis §10.2.1);</li>
 *   <li>write {@code termVote} when it is not null; store {@code snapshot} when it is not null
 *       (Part 8: a leader's snapshot this follower took), compacting the stored log to it; then
 *       the log: delete every stored entry from
 *       {@code writeFrom} on and store {@code entries} there ({@code writeFrom} is 0 when the log
 *       did not change);</li>
 *   <li>sync both, when either was written (one sync for every input since the last ready);</li>
 *   <li>send {@code sendAfterSync}: votes and AppendEntries answers promise durable state;</li>
 *   <li>restore the state machine from {@code snapshot}, when there is one (Part 8); then apply
 *       {@code committed}, the entries {@link #firstCommitted()} to {@code commitIndex};</li>
 *   <li>answer {@code reads}, the reads of {@link RaftNode#readIndex(long)} that may now be
 *       answered from the state machine, and tell the clients of {@code readsRefused} to ask the
 *       leader (Part 7);</li>
 *   <li>tell the node: {@link RaftNode#advance(Ready)}.</li>
 * </ol>
 */
public record Ready(TermVote termVote, long writeFrom, List<LogEntry> entries, List<Message> sendNow,
        List<Message> sendAfterSync, long commitIndex, List<LogEntry> committed, List<Long> reads,
        List<Long> readsRefused, Snapshot snapshot) {

    /**
     * Part 1: keeps immutable copies ({@code List.copyOf}) of the six lists. A negative
     * {@code writeFrom}, or entries with a {@code writeFrom} of 0, is an IllegalArgumentException
     * whose message contains {@code from an index of 1 or more}.
     */
    public Ready {
        throw new UnsupportedOperationException("Part 1: check writeFrom, keep immutable copies of the lists");
    }

    /** A ready with no reads to answer and no snapshot to take. Given whole. */
    public Ready(TermVote termVote, long writeFrom, List<LogEntry> entries, List<Message> sendNow,
            List<Message> sendAfterSync, long commitIndex, List<LogEntry> committed) {
        this(termVote, writeFrom, entries, sendNow, sendAfterSync, commitIndex, committed, List.of(), List.of(), null);
    }

    /** Part 1: true when the log's storage must change: {@code writeFrom > 0}. */
    public boolean writesLog() {
        throw new UnsupportedOperationException("Part 1: does the log change?");
    }

    /** Part 1: true when something must be written and synced: a term/vote, the log, or a snapshot (Part 8). */
    public boolean needsSync() {
        throw new UnsupportedOperationException("Part 1: anything to sync?");
    }

    /** Part 1: the index of the first of {@code committed}: {@code commitIndex - committed.size() + 1}. */
    public long firstCommitted() {
        throw new UnsupportedOperationException("Part 1: the index of the first committed entry");
    }

    /** Part 1: every message, {@code sendNow} first, then {@code sendAfterSync}. */
    public List<Message> messages() {
        throw new UnsupportedOperationException("Part 1: both lists of messages");
    }

    /** Part 1: true when there is nothing to sync, send, apply or answer (no reads, no snapshot either). */
    public boolean isEmpty() {
        throw new UnsupportedOperationException("Part 1: nothing to do?");
    }

    /**
     * Part 1: {@code t=3 vote=1, log from 5 (2 entries), 2 now + 1 after sync, commit 6 (1 to apply)}:
     * the term/vote and {@code ", "} if there is one; {@code log from W (N entries), } if the log
     * changes; always {@code A now + B after sync}; {@code , commit C (K to apply)} if something is
     * committed. A ready after nothing reads {@code 0 now + 0 after sync}. (Part 8: a snapshot's
     * {@code toString} and {@code ", "} after the term/vote, when there is one.)
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: [t.. vote.., ][log from .. (.. entries), ]A now + B after sync[, commit ..]");
    }
}
