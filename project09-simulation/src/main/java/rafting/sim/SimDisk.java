package rafting.sim;

import java.util.List;
import java.util.Objects;
import rafting.election.Driver;
import rafting.election.MemoryDisk;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.log.LogStorage;

/**
 * One simulated server's disk: project 7's {@link MemoryDisk} (a page cache that a crash throws
 * away, a platter that keeps what was synced), which also tells the invariants of every entry
 * written and of every sync, so they are checked as the logs change. A snapshot is durable at
 * once and holds every entry up to its index: the logs start after it.
 */
final class SimDisk implements Driver.Disk {

    /** Told of every entry stored and of every sync. */
    interface Watcher {
        /** {@code entry} was stored at {@code index}, after an entry of term {@code prevTerm} (0 at the start). */
        void appended(int node, long index, long prevTerm, LogEntry entry);

        /** The durable log of {@code node} changed from {@code index} on (from 1 after a snapshot). */
        void synced(int node, long index);
    }

    private final int node;
    private final Watcher watcher;
    private final MemoryDisk disk = new MemoryDisk();

    SimDisk(int node, Watcher watcher) {
        this.node = node;
        this.watcher = Objects.requireNonNull(watcher, "watcher");
    }

    @Override
    public void save(TermVote termVote) {
        disk.save(termVote);
    }

    @Override
    public void write(long from, List<LogEntry> entries) {
        disk.write(from, entries);
        long index = from;
        for (LogEntry entry : entries) {
            watcher.appended(node, index, termAt(index - 1), entry);
            index++;
        }
    }

    /** fsync: everything written so far becomes durable. */
    @Override
    public void sync() {
        long from = disk.dirtyFrom();
        disk.sync();
        if (from > 0) {
            watcher.synced(node, from);
        }
    }

    /** A snapshot, durable at once; the logs are compacted to it. */
    @Override
    public void saveSnapshot(Snapshot snapshot) {
        disk.saveSnapshot(snapshot);
        watcher.synced(node, 1);
    }

    /** Power lost: every write since the last sync is gone. */
    void crash() {
        disk.crash();
    }

    /** True when some write is not durable yet. */
    boolean dirty() {
        return disk.dirty();
    }

    TermVote written() {
        return disk.written();
    }

    TermVote durableTermVote() {
        return disk.durableTermVote();
    }

    /** What a restarted node starts from, with {@link #snapshot()}. */
    LogStorage durableStorage() {
        return disk.durableStorage();
    }

    /** The latest snapshot ({@link Snapshot#NONE} if none). */
    Snapshot snapshot() {
        return disk.snapshot();
    }

    /** The first index the logs hold: 1, or the one after the snapshot. */
    long firstIndex() {
        return disk.firstIndex();
    }

    /** The last index written, durable or not. */
    long lastIndex() {
        return disk.firstIndex() - 1 + disk.log().size();
    }

    /** The last durable index. */
    long durableLastIndex() {
        return disk.firstIndex() - 1 + disk.durableLog().size();
    }

    /** The durable entry at {@code index}, in {@code firstIndex()..durableLastIndex()}. */
    LogEntry durable(long index) {
        return disk.durableLog().get((int) (index - disk.firstIndex()));
    }

    /** True when a crash keeps {@code entry} at {@code index}: in the snapshot, or synced there. */
    boolean holdsDurably(long index, LogEntry entry) {
        return index <= disk.snapshot().index()
                || index >= firstIndex() && index <= durableLastIndex() && durable(index).equals(entry);
    }

    /** The term at {@code index} as written: 0 at index 0 or past the end, the snapshot's at its index, -1 before it. */
    long termAt(long index) {
        long base = disk.firstIndex() - 1;
        if (index == base) {
            return disk.snapshot().term();
        }
        List<LogEntry> log = disk.log();
        if (index < base) {
            return -1;
        }
        return index > lastIndex() ? 0 : log.get((int) (index - disk.firstIndex())).term();
    }

    @Override
    public String toString() {
        return "n" + node + " disk: " + disk;
    }
}
