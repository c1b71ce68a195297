package rafting.election;

import java.util.List;
import java.util.Objects;
import rafting.log.LogEntry;
import rafting.log.LogStorage;
import rafting.log.MemoryLogStorage;
import rafting.log.RaftLog;

/**
 * A pretend disk for tests, jshell, the simulator and the explorer: what was written sits in the
 * page cache until {@link #sync()} copies it to the platter, and {@link #crash()} throws the page
 * cache away. So a crash loses every write that was not synced, and nothing else. A snapshot is
 * durable at once, as a file written aside and renamed into place would be.
 */
public final class MemoryDisk implements Driver.Disk {

    private MemoryLogStorage cache;
    private MemoryLogStorage durable;
    private TermVote written;
    private TermVote durableTermVote;
    private Snapshot snapshot = Snapshot.NONE;
    private long dirtyFrom = Long.MAX_VALUE; // lowest index written since the last sync

    /** An empty disk: term 0, no vote, no log. */
    public MemoryDisk() {
        this(TermVote.INITIAL, List.of());
    }

    /** A disk whose platter holds {@code termVote} and {@code log}: to set up a scenario, or to go on from a saved one. */
    public MemoryDisk(TermVote termVote, List<LogEntry> log) {
        this.durableTermVote = Objects.requireNonNull(termVote, "termVote");
        this.written = termVote;
        this.durable = new MemoryLogStorage();
        this.durable.append(List.copyOf(log));
        this.cache = copy(durable);
    }

    @Override
    public void save(TermVote termVote) {
        written = Objects.requireNonNull(termVote, "termVote");
    }

    @Override
    public void write(long from, List<LogEntry> entries) {
        if (from < cache.firstIndex() || from > cache.lastIndex() + 1) {
            throw new IndexOutOfBoundsException("cannot write from " + from + ": the log holds " + cache.firstIndex()
                    + ".." + cache.lastIndex());
        }
        cache.truncateFrom(from);
        cache.append(List.copyOf(entries));
        dirtyFrom = Math.min(dirtyFrom, from);
    }

    @Override
    public void sync() {
        durableTermVote = written;
        if (dirtyFrom != Long.MAX_VALUE) {
            durable = copy(cache);
            dirtyFrom = Long.MAX_VALUE;
        }
    }

    @Override
    public void saveSnapshot(Snapshot taken) {
        if (taken.index() <= snapshot.index()) {
            throw new IllegalArgumentException("a snapshot goes forward: " + taken + " after " + snapshot);
        }
        snapshot = taken;
        new RaftLog(cache).installSnapshot(taken.index(), taken.term());
        new RaftLog(durable).installSnapshot(taken.index(), taken.term());
        if (dirtyFrom != Long.MAX_VALUE) {
            dirtyFrom = Math.max(dirtyFrom, cache.firstIndex());
        }
    }

    /** Power lost: every write since the last sync is gone. */
    public void crash() {
        cache = copy(durable);
        written = durableTermVote;
        dirtyFrom = Long.MAX_VALUE;
    }

    /** True when some write is not durable yet. */
    public boolean dirty() {
        return dirtyFrom != Long.MAX_VALUE || !written.equals(durableTermVote);
    }

    /** The lowest log index written since the last sync, or 0 when none was. */
    public long dirtyFrom() {
        return dirtyFrom == Long.MAX_VALUE ? 0 : dirtyFrom;
    }

    /** The term/vote record last saved, durable or not. */
    public TermVote written() {
        return written;
    }

    public TermVote durableTermVote() {
        return durableTermVote;
    }

    /** The latest snapshot saved ({@link Snapshot#NONE} if none): the logs below start after it. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The log as written, durable or not, from {@link #firstIndex()} on. */
    public List<LogEntry> log() {
        return entries(cache);
    }

    /** The log as synced, from {@link #firstIndex()} on (a snapshot compacts it too). */
    public List<LogEntry> durableLog() {
        return entries(durable);
    }

    /** The index of the first entry the logs hold: 1, or the one after the snapshot. */
    public long firstIndex() {
        return cache.firstIndex();
    }

    /** The synced log as a storage to start a node from, with {@link #snapshot()}. */
    public LogStorage durableStorage() {
        return copy(durable);
    }

    @Override
    public String toString() {
        return durableTermVote + ", " + (snapshot.index() > 0 ? snapshot + ", " : "") + durable.lastIndex() + " durable of "
                + cache.lastIndex() + " entries";
    }

    private static MemoryLogStorage copy(LogStorage from) {
        long base = from.firstIndex() - 1;
        var to = new MemoryLogStorage(base, from.baseTerm());
        to.append(entries(from));
        return to;
    }

    private static List<LogEntry> entries(LogStorage storage) {
        return new RaftLog(storage).entries();
    }
}
