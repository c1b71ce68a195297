package rafting.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.log.LogStorage;

/**
 * One simulated server's disk: its log and its term/vote record, each in two versions. What the
 * node wrote lives in the page cache ({@link #get}, {@link #written()}); what was synced lives on
 * the platter ({@link #durable}, {@link #durableTermVote()}). {@link #crash()} throws the page
 * cache away, so a crash loses every write that was not synced, and nothing else.
 *
 * <p>A sync copies only what changed since the previous one: the disk remembers the lowest index
 * written or truncated since then.
 */
final class SimDisk implements LogStorage {

    /** Told of every entry stored and of every sync, so the invariants can be checked as the logs change. */
    interface Watcher {
        /** {@code entry} was stored at {@code index}, after an entry of term {@code prevTerm} (0 at the start). */
        void appended(int node, long index, long prevTerm, LogEntry entry);

        /** The durable log of {@code node} changed from {@code index} on. */
        void synced(int node, long index);
    }

    SimDisk(int node, Watcher watcher) {
        throw new UnsupportedOperationException("Part 6: write SimDisk");
    }

    // ---------------------------------------------------------------- LogStorage, on the page cache

    @Override
    public long firstIndex() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.firstIndex");
    }

    @Override
    public long lastIndex() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.lastIndex");
    }

    @Override
    public long baseTerm() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.baseTerm");
    }

    @Override
    public LogEntry get(long index) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.get");
    }

    @Override
    public void append(List<LogEntry> entries) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.append");
    }

    @Override
    public void truncateFrom(long index) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.truncateFrom");
    }

    // ---------------------------------------------------------------- the term/vote record and the platter

    /** The driver writes the node's new term/vote record (not durable until {@link #sync()}). */
    void write(TermVote termVote) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.write");
    }

    /** fsync: everything written so far becomes durable. */
    void sync() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.sync");
    }

    /** Power lost: every write since the last sync is gone. */
    void crash() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.crash");
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

    /** The last durable index. */
    long durableLastIndex() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.durableLastIndex");
    }

    /** The durable entry at {@code index}, in {@code 1..durableLastIndex()}. */
    LogEntry durable(long index) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.durable");
    }

    /** The term at {@code index} in the page cache: 0 at index 0 or past the end. */
    long termAt(long index) {
        throw new UnsupportedOperationException("Part 6: write SimDisk.termAt");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 6: write SimDisk.toString");
    }
}
