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

    private final int node;
    private final Watcher watcher;
    private ArrayList<LogEntry> cache = new ArrayList<>();
    private final ArrayList<LogEntry> durable = new ArrayList<>();
    private long dirtyFrom = Long.MAX_VALUE;
    private TermVote written = TermVote.INITIAL;
    private TermVote durableTermVote = TermVote.INITIAL;

    SimDisk(int node, Watcher watcher) {
        this.node = node;
        this.watcher = Objects.requireNonNull(watcher, "watcher");
    }

    // ---------------------------------------------------------------- LogStorage, on the page cache

    @Override
    public long firstIndex() {
        return 1;
    }

    @Override
    public long lastIndex() {
        return cache.size();
    }

    @Override
    public long baseTerm() {
        return 0;
    }

    @Override
    public LogEntry get(long index) {
        return cache.get((int) (index - 1));
    }

    @Override
    public void append(List<LogEntry> entries) {
        dirtyFrom = Math.min(dirtyFrom, cache.size() + 1);
        for (LogEntry entry : entries) {
            long prevTerm = cache.isEmpty() ? 0 : cache.get(cache.size() - 1).term();
            cache.add(entry);
            watcher.appended(node, cache.size(), prevTerm, entry);
        }
    }

    @Override
    public void truncateFrom(long index) {
        if (index < 1 || index > cache.size() + 1) {
            throw new IndexOutOfBoundsException("cannot truncate from " + index + ": entries are 1.." + cache.size());
        }
        cache.subList((int) (index - 1), cache.size()).clear();
        dirtyFrom = Math.min(dirtyFrom, index);
    }

    // ---------------------------------------------------------------- the term/vote record and the platter

    /** The driver writes the node's new term/vote record (not durable until {@link #sync()}). */
    void write(TermVote termVote) {
        written = Objects.requireNonNull(termVote, "termVote");
    }

    /** fsync: everything written so far becomes durable. */
    void sync() {
        durableTermVote = written;
        if (dirtyFrom == Long.MAX_VALUE) {
            return;
        }
        int from = (int) dirtyFrom - 1;
        if (from < durable.size()) {
            durable.subList(from, durable.size()).clear();
        }
        if (from < cache.size()) {
            durable.addAll(cache.subList(durable.size(), cache.size()));
        }
        dirtyFrom = Long.MAX_VALUE;
        watcher.synced(node, from + 1L);
    }

    /** Power lost: every write since the last sync is gone. */
    void crash() {
        cache = new ArrayList<>(durable);
        written = durableTermVote;
        dirtyFrom = Long.MAX_VALUE;
    }

    /** True when some write is not durable yet. */
    boolean dirty() {
        return dirtyFrom != Long.MAX_VALUE || !written.equals(durableTermVote);
    }

    TermVote written() {
        return written;
    }

    TermVote durableTermVote() {
        return durableTermVote;
    }

    /** The last durable index. */
    long durableLastIndex() {
        return durable.size();
    }

    /** The durable entry at {@code index}, in {@code 1..durableLastIndex()}. */
    LogEntry durable(long index) {
        return durable.get((int) (index - 1));
    }

    /** The term at {@code index} in the page cache: 0 at index 0 or past the end. */
    long termAt(long index) {
        return index < 1 || index > cache.size() ? 0 : cache.get((int) (index - 1)).term();
    }

    @Override
    public String toString() {
        return "n" + node + " disk: " + durableTermVote + " " + durable.size() + " durable of " + cache.size() + " entries";
    }
}
