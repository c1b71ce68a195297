package rafting.sim;

import java.util.List;
import rafting.election.Driver;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.log.LogStorage;

/**
 * One simulated server's disk: project 7's {@code MemoryDisk} (a page cache that a crash throws
 * away, a platter that keeps what was synced), which also tells the {@link Watcher} of every
 * entry written and of every sync, so the invariants are checked as the logs change. The node's
 * {@link Driver} writes to it.
 */
final class SimDisk implements Driver.Disk {

    /** Told of every entry stored and of every sync, so the invariants can be checked as the logs change. */
    interface Watcher {
        /** {@code entry} was stored at {@code index}, after an entry of term {@code prevTerm} (0 at the start). */
        void appended(int node, long index, long prevTerm, LogEntry entry);

        /** The durable log of {@code node} changed from {@code index} on. */
        void synced(int node, long index);
    }

    SimDisk(int node, Watcher watcher) {
        throw new UnsupportedOperationException("Part 6: write SimDisk over a MemoryDisk");
    }

    /** The term/vote record, in the page cache. */
    @Override
    public void save(TermVote termVote) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.save");
    }

    /** Writes the log as the driver asks, then tells the watcher of each entry: its index and the term before it. */
    @Override
    public void write(long from, List<LogEntry> entries) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.write");
    }

    /** fsync: everything written so far becomes durable; the watcher hears from which index, if the log changed. */
    @Override
    public void sync() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.sync");
    }

    /** Power lost: every write since the last sync is gone. */
    void crash() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.crash");
    }

    /** Part 11 (Project 11): the MemoryDisk's {@code saveSnapshot}, then {@code synced(node, 1)} to the watcher. */
    @Override
    public void saveSnapshot(Snapshot snapshot) {
        throw new UnsupportedOperationException("Part 11: write SimDisk.saveSnapshot");
    }

    /** Part 11: the snapshot saved ({@code Snapshot.NONE} if none). */
    Snapshot snapshot() {
        throw new UnsupportedOperationException("Part 11: write SimDisk.snapshot");
    }

    /** Part 11: the first index the logs hold: 1, or the one after the snapshot. */
    long firstIndex() {
        throw new UnsupportedOperationException("Part 11: write SimDisk.firstIndex");
    }

    /** Part 11: true when a crash keeps {@code entry} at {@code index}: in the snapshot, or synced there. */
    boolean holdsDurably(long index, LogEntry entry) {
        throw new UnsupportedOperationException("Part 11: write SimDisk.holdsDurably");
    }


    /** True when some write is not durable yet. */
    boolean dirty() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.dirty");
    }

    TermVote written() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.written");
    }

    TermVote durableTermVote() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.durableTermVote");
    }

    /** What a restarted node starts from: the platter's log. */
    LogStorage durableStorage() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.durableStorage");
    }

    /** The last index written, durable or not. */
    long lastIndex() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.lastIndex");
    }

    /** The last durable index. */
    long durableLastIndex() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.durableLastIndex");
    }

    /** The durable entry at {@code index}, in {@code 1..durableLastIndex()}. */
    LogEntry durable(long index) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.durable");
    }

    /** The term at {@code index} as written: 0 at index 0 or past the end. */
    long termAt(long index) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.termAt");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.toString");
    }
}
