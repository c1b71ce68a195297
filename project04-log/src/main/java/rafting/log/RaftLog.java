package rafting.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The replicated log of one server (§5.3). Indexes start at 1, as in the paper; index 0 is the
 * empty prefix before the first entry, of term 0. The entries live in a {@link LogStorage}; this
 * class holds the rules.
 *
 * <p>A log may start above index 1 when its storage was compacted behind a snapshot: then
 * {@link #firstIndex()} is above 1 and the term at {@code firstIndex() - 1} is still known, so
 * every call below works the same way. Entries before that are committed, so the log treats them
 * as matching whatever a leader sends there.
 */
public final class RaftLog {

    private final LogStorage storage;
    private long version;

    /** An empty log in memory. */
    public RaftLog() {
        this(new MemoryLogStorage());
    }

    /** A log over {@code storage}, holding whatever the storage holds already (after a restart). */
    public RaftLog(LogStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * Appends {@code entries} after the entry at {@code prevIndex}, whose term must be {@code prevTerm};
     * the follower's side of AppendEntries (Figure 2, "Receiver implementation", 2 to 4).
     *
     * @return false, changing nothing, when this log has no entry at {@code prevIndex} of term
     *     {@code prevTerm}; true when the log now holds the entries at {@code prevIndex + 1} onwards
     */
    public boolean appendEntries(long prevIndex, long prevTerm, List<LogEntry> entries) {
        checkAppend(prevIndex, prevTerm, entries);
        // §5.3: reply false if log doesn't contain an entry at prevLogIndex whose term matches prevLogTerm
        if (!matches(prevIndex, prevTerm)) {
            return false;
        }
        long index = prevIndex;
        for (int i = 0; i < entries.size(); i++) {
            index++;
            if (index < firstIndex()) {
                continue; // compacted: committed, so it is the leader's entry too
            }
            if (index <= lastIndex()) {
                if (termAt(index) == entries.get(i).term()) {
                    // Same index and term: the same entry (Log Matching). Keep it and all after it,
                    // so a late or repeated request never shortens the log.
                    continue;
                }
                // §5.3: if an existing entry conflicts with a new one (same index but different
                // terms), delete the existing entry and all that follow it
                storage.truncateFrom(index);
            }
            // Append any new entries not already in the log.
            storage.append(List.copyOf(entries.subList(i, entries.size())));
            version++;
            break;
        }
        return true;
    }

    /** The leader's append of a new entry (§5.3: the leader appends the command to its log); returns its index. */
    public long append(LogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.term() < lastTerm()) {
            throw new IllegalArgumentException(
                    "terms never go down in a log: cannot append " + entry + " after term " + lastTerm());
        }
        storage.append(List.of(entry));
        version++;
        return lastIndex();
    }

    /** Deletes the entry at {@code index} and every entry after it. Raft itself only does this inside {@link #appendEntries}. */
    public void truncateFrom(long index) {
        if (index <= baseIndex()) {
            throw new IndexOutOfBoundsException(
                    "cannot truncate from " + index + ": entries before " + firstIndex() + " are compacted");
        }
        if (index <= lastIndex()) {
            storage.truncateFrom(index);
            version++;
        }
    }

    /**
     * Forgets the entries up to {@code index}, which the state machine's snapshot now holds (§7:
     * the log is compacted behind the snapshot); the entries after it stay. {@code index} lies in
     * {@code firstIndex() - 1 .. lastIndex()}; at the base already, nothing changes.
     */
    public void compact(long index) {
        if (index < baseIndex() || index > lastIndex()) {
            throw new IndexOutOfBoundsException(
                    "cannot compact to " + index + ": this log holds " + firstIndex() + ".." + lastIndex());
        }
        if (index > baseIndex()) {
            storage.compactTo(index, termAt(index));
            version++;
        }
    }

    /**
     * Takes a leader's snapshot of every entry up to {@code index}, the last of term {@code term}
     * (Figure 13, receiver 6 and 7): when this log holds that entry, the entries after it are the
     * leader's too (Log Matching) and stay; otherwise the whole log is discarded. A snapshot at or
     * behind the base changes nothing: this log is compacted further already.
     *
     * @return true when entries after {@code index} were kept
     */
    public boolean installSnapshot(long index, long term) {
        if (term < 1) {
            throw new IllegalArgumentException("a snapshot's last term is at least 1, got " + term);
        }
        if (index <= baseIndex()) {
            return false;
        }
        boolean keep = index < lastIndex() && termAt(index) == term;
        if (!keep && index <= lastIndex() && termAt(index) != term) {
            storage.truncateFrom(firstIndex()); // §7: the snapshot wins over a conflicting log
        }
        storage.compactTo(index, term);
        version++;
        return keep;
    }

    /** True when this log has an entry at {@code index} of term {@code term} (index 0 has term 0). */
    public boolean matches(long index, long term) {
        if (index < 0 || index > lastIndex()) {
            return false;
        }
        if (index < baseIndex()) {
            return true; // compacted behind a snapshot: committed, so every leader agrees
        }
        return termAt(index) == term;
    }

    /** The index of the first entry held: 1, or above 1 after compaction. */
    public long firstIndex() {
        return storage.firstIndex();
    }

    /** The index of the last entry, or {@code firstIndex() - 1} (0 for a new log) when it holds none. */
    public long lastIndex() {
        return storage.lastIndex();
    }

    /** The term of the last entry, or the term before the first entry (0 for a new log). */
    public long lastTerm() {
        return termAt(lastIndex());
    }

    /** The term of the entry at {@code index}; {@code index} lies in {@code firstIndex() - 1 .. lastIndex()}. */
    public long termAt(long index) {
        if (index == baseIndex()) {
            return storage.baseTerm();
        }
        return entry(index).term();
    }

    /** The entry at {@code index}, in {@code firstIndex() .. lastIndex()}. */
    public LogEntry entry(long index) {
        if (index < firstIndex() || index > lastIndex()) {
            throw new IndexOutOfBoundsException(
                    "no entry at " + index + ": this log holds " + firstIndex() + ".." + lastIndex());
        }
        return storage.get(index);
    }

    /** Up to {@code max} entries from {@code from} on (fewer at the end of the log, none past it). */
    public List<LogEntry> entries(long from, int max) {
        if (from < firstIndex()) {
            throw new IndexOutOfBoundsException(
                    "no entry at " + from + ": this log holds " + firstIndex() + ".." + lastIndex());
        }
        long to = Math.min(lastIndex(), from + Math.max(0, max) - 1);
        var out = new ArrayList<LogEntry>((int) Math.max(0, to - from + 1));
        for (long i = from; i <= to; i++) {
            out.add(storage.get(i));
        }
        return out;
    }

    /** Every entry held, from {@link #firstIndex()} on. */
    public List<LogEntry> entries() {
        return entries(firstIndex(), Integer.MAX_VALUE);
    }

    /**
     * Where a leader should look next after this log refused an append at {@code prevIndex}: the
     * index after the last entry when the log is shorter, otherwise the first index of the term
     * found at {@code prevIndex}, so that the leader skips a whole conflicting term per round trip
     * instead of one entry.
     */
    public long conflictHint(long prevIndex) {
        if (prevIndex > lastIndex()) {
            return lastIndex() + 1;
        }
        long term = termAt(prevIndex);
        long index = prevIndex;
        while (index > firstIndex() && termAt(index - 1) == term) {
            index--;
        }
        return Math.max(index, 1);
    }

    /**
     * §5.4.1: is a log whose last entry is at {@code lastIndex} with term {@code lastTerm} at
     * least as up-to-date as this one? The later last term wins; with equal last terms, the longer log.
     */
    public boolean isUpToDate(long lastIndex, long lastTerm) {
        return lastTerm != lastTerm() ? lastTerm > lastTerm() : lastIndex >= lastIndex();
    }

    /**
     * A number that grows whenever the log's content changes, so a caller can tell whether it has
     * something new to make durable.
     */
    public long version() {
        return version;
    }

    /** {@code [1:set x 1, 1:set y 2]}, with {@code base=4/2} in front when the log starts above 1. */
    @Override
    public String toString() {
        String base = firstIndex() > 1 ? "base=" + baseIndex() + "/" + storage.baseTerm() + " " : "";
        return base + entries();
    }

    /** The index before the first entry held: everything up to here is compacted (0 when nothing is). */
    private long baseIndex() {
        return firstIndex() - 1;
    }

    private static void checkAppend(long prevIndex, long prevTerm, List<LogEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (prevIndex < 0 || prevTerm < 0) {
            throw new IllegalArgumentException(
                    "prevIndex and prevTerm are never negative, got " + prevIndex + "/" + prevTerm);
        }
        long term = prevTerm;
        for (LogEntry entry : entries) {
            Objects.requireNonNull(entry, "an entry in entries");
            if (entry.term() < term) {
                throw new IllegalArgumentException(
                        "terms never go down in a log: " + entry + " follows term " + term + " in " + entries);
            }
            term = entry.term();
        }
    }
}
