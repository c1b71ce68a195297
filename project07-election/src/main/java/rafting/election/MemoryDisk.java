package rafting.election;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import rafting.log.LogEntry;
import rafting.log.LogStorage;
import rafting.log.MemoryLogStorage;

/**
 * A pretend disk for tests, jshell, the simulator and the explorer: what was written sits in the
 * page cache until {@link #sync()} copies it to the platter, and {@link #crash()} throws the page
 * cache away. So a crash loses every write that was not synced, and nothing else.
 */
public final class MemoryDisk implements Driver.Disk {

    private List<LogEntry> cache;
    private List<LogEntry> durable;
    private TermVote written;
    private TermVote durableTermVote;
    private long dirtyFrom = Long.MAX_VALUE; // lowest index written since the last sync

    /** An empty disk: term 0, no vote, no log. */
    public MemoryDisk() {
        this(TermVote.INITIAL, List.of());
    }

    /** A disk whose platter holds {@code termVote} and {@code log}: to set up a scenario, or to go on from a saved one. */
    public MemoryDisk(TermVote termVote, List<LogEntry> log) {
        this.durableTermVote = Objects.requireNonNull(termVote, "termVote");
        this.written = termVote;
        this.durable = List.copyOf(log);
        this.cache = new ArrayList<>(log);
    }

    @Override
    public void save(TermVote termVote) {
        written = Objects.requireNonNull(termVote, "termVote");
    }

    @Override
    public void write(long from, List<LogEntry> entries) {
        if (from < 1 || from > cache.size() + 1) {
            throw new IndexOutOfBoundsException("cannot write from " + from + ": the log holds 1.." + cache.size());
        }
        cache.subList((int) (from - 1), cache.size()).clear();
        cache.addAll(entries);
        dirtyFrom = Math.min(dirtyFrom, from);
    }

    @Override
    public void sync() {
        durableTermVote = written;
        if (dirtyFrom != Long.MAX_VALUE) {
            durable = List.copyOf(cache);
            dirtyFrom = Long.MAX_VALUE;
        }
    }

    /** Power lost: every write since the last sync is gone. */
    public void crash() {
        cache = new ArrayList<>(durable);
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

    /** The log as written, durable or not: a read-only view that changes with the disk. */
    public List<LogEntry> log() {
        return Collections.unmodifiableList(cache);
    }

    /** The log as synced, the same list until the next sync that changes it. */
    public List<LogEntry> durableLog() {
        return durable;
    }

    /** The synced log as a storage to start a node from. */
    public LogStorage durableStorage() {
        var storage = new MemoryLogStorage();
        storage.append(durable);
        return storage;
    }

    @Override
    public String toString() {
        return durableTermVote + ", " + durable.size() + " durable of " + cache.size() + " entries";
    }
}
