package rafting.election;

import java.util.List;
import rafting.log.LogEntry;
import rafting.log.LogStorage;

/**
 * Part 4: a pretend disk for tests, jshell, the simulator and the explorer: what was written sits
 * in the page cache until {@link #sync()} copies it to the platter, and {@link #crash()} throws
 * the page cache away. So a crash loses every write that was not synced, and nothing else.
 */
public final class MemoryDisk implements Driver.Disk {

    /** Part 4: an empty disk: {@link TermVote#INITIAL}, no log. */
    public MemoryDisk() {
        throw new UnsupportedOperationException("Part 4: an empty disk");
    }

    /** Part 4: a disk whose platter (and page cache) hold {@code termVote} and a copy of {@code log}. */
    public MemoryDisk(TermVote termVote, List<LogEntry> log) {
        throw new UnsupportedOperationException("Part 4: a disk that holds this already");
    }

    /** Part 4: the term/vote record in the page cache. */
    @Override
    public void save(TermVote termVote) {
        throw new UnsupportedOperationException("Part 4: save in the page cache");
    }

    /**
     * Part 4: in the page cache, deletes the entries from {@code from} on and adds {@code entries}.
     * {@code from} outside {@code 1..size + 1}: an IndexOutOfBoundsException, exactly
     * {@code cannot write from 2: the log holds 1..0}.
     */
    @Override
    public void write(long from, List<LogEntry> entries) {
        throw new UnsupportedOperationException("Part 4: write in the page cache");
    }

    /** Part 4: the platter gets the page cache's term/vote and log. */
    @Override
    public void sync() {
        throw new UnsupportedOperationException("Part 4: copy the page cache to the platter");
    }

    /** Part 4: power lost: the page cache becomes the platter again. */
    public void crash() {
        throw new UnsupportedOperationException("Part 4: lose what was not synced");
    }

    /** Part 4: true when some write (term/vote or log) is not durable yet. */
    public boolean dirty() {
        throw new UnsupportedOperationException("Part 4: anything not synced?");
    }

    /** Part 4: the lowest log index written since the last sync, or 0. */
    public long dirtyFrom() {
        throw new UnsupportedOperationException("Part 4: where the unsynced log writes begin");
    }

    /** Part 4: the term/vote record last saved, durable or not. */
    public TermVote written() {
        throw new UnsupportedOperationException("Part 4: the term/vote in the page cache");
    }

    /** Part 4: the term/vote record last synced. */
    public TermVote durableTermVote() {
        throw new UnsupportedOperationException("Part 4: the term/vote on the platter");
    }

    /** Part 4: the log in the page cache, read-only (Part 8: from {@link #firstIndex()} on). */
    public List<LogEntry> log() {
        throw new UnsupportedOperationException("Part 4: the page cache's log");
    }

    /** Part 4: the log on the platter, read-only. */
    public List<LogEntry> durableLog() {
        throw new UnsupportedOperationException("Part 4: the platter's log");
    }

    /**
     * Part 8 (Project 11): keeps {@code taken} (durable at once, as a file renamed into place is)
     * and compacts both logs to it as {@code RaftLog.installSnapshot} does. A snapshot that does
     * not go past the one kept is an {@link IllegalArgumentException}.
     */
    @Override
    public void saveSnapshot(Snapshot taken) {
        throw new UnsupportedOperationException("Part 8: keep the snapshot, compact the logs");
    }

    /** Part 8: the latest snapshot saved ({@link Snapshot#NONE} if none). */
    public Snapshot snapshot() {
        throw new UnsupportedOperationException("Part 8: the snapshot saved");
    }

    /** Part 8: the index of the first entry the logs hold: 1, or the one after the snapshot. */
    public long firstIndex() {
        throw new UnsupportedOperationException("Part 8: where the logs begin");
    }

    /** Part 4: the platter's log as a new {@code MemoryLogStorage}, to start a node from. */
    public LogStorage durableStorage() {
        throw new UnsupportedOperationException("Part 4: the platter's log as a storage");
    }

    /** Part 4: for example {@code t=1 vote=2, 2 durable of 3 entries}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: t.. vote.., N durable of M entries");
    }
}
