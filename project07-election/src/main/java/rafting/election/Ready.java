package rafting.election;

import java.util.ArrayList;
import java.util.List;
import rafting.log.LogEntry;
import rafting.replication.Message;

/**
 * Everything a node wants done after the inputs it was given since the last {@code ready()}. The
 * node itself writes nothing and applies nothing: its driver does all of it, in this order
 * ({@link Driver} is that driver):
 *
 * <ol>
 *   <li>send {@code sendNow}: a leader's AppendEntries, which may leave before its own log is
 *       durable (thesis §10.2.1);</li>
 *   <li>write {@code termVote} when it is not null; store {@code snapshot} when it is not null (a
 *       leader's snapshot that this follower took, Figure 13), compacting the stored log to it;
 *       then the log: delete every stored entry from
 *       {@code writeFrom} on and store {@code entries} there ({@code writeFrom} is 0 when the log
 *       did not change);</li>
 *   <li>sync, when anything was written: one sync for every input since the last ready (group
 *       commit);</li>
 *   <li>send {@code sendAfterSync}: votes and answers promise durable state;</li>
 *   <li>restore the state machine from {@code snapshot}, when there is one; then apply
 *       {@code committed}, the entries from {@link #firstCommitted()} to {@code commitIndex}, in
 *       order;</li>
 *   <li>answer {@code reads}, the reads of {@link RaftNode#readIndex(long)} that may now be
 *       answered from the state machine, and tell the clients of {@code readsRefused} to ask the
 *       leader;</li>
 *   <li>tell the node: {@link RaftNode#advance(Ready)}.</li>
 * </ol>
 */
public record Ready(TermVote termVote, long writeFrom, List<LogEntry> entries, List<Message> sendNow,
        List<Message> sendAfterSync, long commitIndex, List<LogEntry> committed, List<Long> reads,
        List<Long> readsRefused, Snapshot snapshot) {

    public Ready {
        entries = List.copyOf(entries);
        sendNow = List.copyOf(sendNow);
        sendAfterSync = List.copyOf(sendAfterSync);
        committed = List.copyOf(committed);
        reads = List.copyOf(reads);
        readsRefused = List.copyOf(readsRefused);
        if (writeFrom < 0 || writeFrom == 0 && !entries.isEmpty()) {
            throw new IllegalArgumentException("entries are written from an index of 1 or more, got " + writeFrom);
        }
    }

    /** A ready with no reads to answer and no snapshot to take. */
    public Ready(TermVote termVote, long writeFrom, List<LogEntry> entries, List<Message> sendNow,
            List<Message> sendAfterSync, long commitIndex, List<LogEntry> committed) {
        this(termVote, writeFrom, entries, sendNow, sendAfterSync, commitIndex, committed, List.of(), List.of(), null);
    }

    /** True when the log's storage must change: see step 2. */
    public boolean writesLog() {
        return writeFrom > 0;
    }

    /** True when something must be written and synced before {@link #sendAfterSync()} may leave. */
    public boolean needsSync() {
        return termVote != null || writesLog() || snapshot != null;
    }

    /** The index of the first of {@link #committed()}. */
    public long firstCommitted() {
        return commitIndex - committed.size() + 1;
    }

    /** Every message, those that may leave at once first. */
    public List<Message> messages() {
        var all = new ArrayList<Message>(sendNow.size() + sendAfterSync.size());
        all.addAll(sendNow);
        all.addAll(sendAfterSync);
        return all;
    }

    /** True when there is nothing to write, send, apply or answer. */
    public boolean isEmpty() {
        return !needsSync() && sendNow.isEmpty() && sendAfterSync.isEmpty() && committed.isEmpty()
                && reads.isEmpty() && readsRefused.isEmpty() && snapshot == null;
    }

    /** {@code t=3 vote=1, snapshot 4/2 (9 bytes), log from 5 (2 entries), 2 now + 1 after sync, commit 6 (1 to apply), 2 reads}. */
    @Override
    public String toString() {
        var text = new StringBuilder();
        if (termVote != null) {
            text.append(termVote).append(", ");
        }
        if (writesLog()) {
            text.append("log from ").append(writeFrom).append(" (").append(entries.size()).append(" entries), ");
        }
        text.append(sendNow.size()).append(" now + ").append(sendAfterSync.size()).append(" after sync");
        if (!committed.isEmpty()) {
            text.append(", commit ").append(commitIndex).append(" (").append(committed.size()).append(" to apply)");
        }
        if (!reads.isEmpty()) {
            text.append(", ").append(reads.size()).append(reads.size() == 1 ? " read" : " reads");
        }
        if (!readsRefused.isEmpty()) {
            text.append(", ").append(readsRefused.size()).append(" refused");
        }
        return text.toString();
    }
}
