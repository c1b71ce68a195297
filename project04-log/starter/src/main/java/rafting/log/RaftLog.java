package rafting.log;

import java.util.List;

/**
 * Parts 3 and 4: the replicated log of one server (§5.3). Indexes start at 1, as in the paper;
 * index 0 is the empty prefix before the first entry, of term 0. The entries live in a
 * {@link LogStorage} (Part 2); this class holds the rules.
 *
 * <p>A log may start above index 1 when its storage was compacted behind a snapshot: then
 * {@link #firstIndex()} is above 1 and the term at {@code firstIndex() - 1} is the storage's
 * {@link LogStorage#baseTerm()}, so every call below works the same way. Entries before
 * {@code firstIndex()} are committed, so the log treats them as matching whatever a leader sends
 * there.
 *
 * <p>Reading outside the log is an {@link IndexOutOfBoundsException} whose message says which
 * indexes the log holds, exactly {@code no entry at 3: this log holds 1..2}.
 */
public final class RaftLog {

    /** Part 3: an empty log in memory, over a new {@link MemoryLogStorage}. */
    public RaftLog() {
        throw new UnsupportedOperationException("Part 3: an empty log in memory");
    }

    /** Part 3: a log over {@code storage}, holding whatever the storage holds already (after a restart). */
    public RaftLog(LogStorage storage) {
        throw new UnsupportedOperationException("Part 3: a log over a storage");
    }

    /**
     * Part 3: the follower's side of AppendEntries (Figure 2, "Receiver implementation", 2 to 4):
     * stores {@code entries} at {@code prevIndex + 1} onwards, if this log holds an entry at
     * {@code prevIndex} of term {@code prevTerm} (index 0 has term 0; see {@link #matches}).
     *
     * <ul>
     *   <li>§5.3: false, changing nothing, when there is no entry at {@code prevIndex} or its term
     *       is not {@code prevTerm}. Empty {@code entries} (a heartbeat) change nothing and say
     *       whether an append there would be legal.
     *   <li>§5.3: an existing entry that conflicts with a new one (same index, different term) is
     *       deleted with everything after it, and the new entries take their place.
     *   <li>An existing entry that matches (same index, same term) is kept, and so is everything
     *       after it: a late or repeated request never shortens the log. When every entry matches,
     *       nothing changes, not even {@link #version()}.
     *   <li>Entries at or below the base (compacted, so committed) are skipped as matching.
     * </ul>
     *
     * <p>Malformed calls change nothing and throw {@link IllegalArgumentException}: a negative
     * {@code prevIndex} or {@code prevTerm}; entries whose terms go down, starting from
     * {@code prevTerm} (message containing {@code terms never go down}, for example
     * {@code terms never go down in a log: 1:x follows term 2 in [2:y, 1:x]}). Check the call first,
     * before looking at the log: a malformed call throws even where the log would answer false
     * (on a log {@code 1 1}, {@code appendEntries(2, 3, [2:x])} throws although the term at 2 is 1).
     *
     * @return true when the log now holds the entries at {@code prevIndex + 1} onwards
     */
    public boolean appendEntries(long prevIndex, long prevTerm, List<LogEntry> entries) {
        throw new UnsupportedOperationException("Part 3: appendEntries on the six rules");
    }

    /**
     * Part 4: the leader's append of one new entry (§5.3: the leader appends the command to its
     * log); returns its index. An entry of a lower term than {@link #lastTerm()} is an
     * {@link IllegalArgumentException} whose message contains {@code terms never go down} (for
     * example {@code terms never go down in a log: cannot append 1:late after term 2}).
     */
    public long append(LogEntry entry) {
        throw new UnsupportedOperationException("Part 4: the leader's append");
    }

    /**
     * Part 4: deletes the entry at {@code index} and every entry after it (nothing, and no change
     * of {@link #version()}, when {@code index} is past the end); Raft itself only does this inside
     * {@link #appendEntries}.
     * An index at or below the base ({@code firstIndex() - 1}) is an
     * {@link IndexOutOfBoundsException}: those entries are compacted.
     */
    public void truncateFrom(long index) {
        throw new UnsupportedOperationException("Part 4: truncate from an index");
    }

    /**
     * Part 5 (Project 11): forgets the entries up to {@code index}, which a snapshot now holds (§7);
     * the entries after it stay, and {@code termAt(index)} keeps its term as the new base. At the
     * base already, nothing changes ({@link #version()} included); outside
     * {@code firstIndex() - 1 .. lastIndex()} it is an {@link IndexOutOfBoundsException} with the
     * message {@code cannot compact to 1: this log holds 3..3}.
     */
    public void compact(long index) {
        throw new UnsupportedOperationException("Part 5: compact the log");
    }

    /**
     * Part 5 (Project 11): takes a leader's snapshot of the entries up to {@code index}, the last
     * of term {@code term} (Figure 13, receiver 6 and 7): when this log holds an entry at
     * {@code index} of that term, the entries after it stay; otherwise the whole log goes, and the
     * log is empty after a base of {@code index/term}. A snapshot at or behind the base changes
     * nothing. Returns true when entries after {@code index} were kept.
     */
    public boolean installSnapshot(long index, long term) {
        throw new UnsupportedOperationException("Part 5: install a leader's snapshot");
    }

    /**
     * Part 3: true when this log has an entry at {@code index} of term {@code term} (index 0, and
     * the base, have the storage's base term; indexes below the base match anything). False for a
     * negative index or one past the end.
     */
    public boolean matches(long index, long term) {
        throw new UnsupportedOperationException("Part 3: does the log hold index/term");
    }

    /** Part 3: the index of the first entry held: 1, or above 1 after compaction. */
    public long firstIndex() {
        throw new UnsupportedOperationException("Part 3: the first index");
    }

    /** Part 3: the index of the last entry, or {@code firstIndex() - 1} (0 for a new log) when it holds none. */
    public long lastIndex() {
        throw new UnsupportedOperationException("Part 3: the last index");
    }

    /** Part 3: the term of the last entry, or the term before the first entry (0 for a new log). */
    public long lastTerm() {
        throw new UnsupportedOperationException("Part 3: the last term");
    }

    /**
     * Part 3: the term of the entry at {@code index}, which lies in
     * {@code firstIndex() - 1 .. lastIndex()}; otherwise an {@link IndexOutOfBoundsException}
     * ({@code termAt(0)} of a new log is 0).
     */
    public long termAt(long index) {
        throw new UnsupportedOperationException("Part 3: the term at an index");
    }

    /**
     * Part 3: the entry at {@code index}, in {@code firstIndex() .. lastIndex()}; otherwise an
     * {@link IndexOutOfBoundsException} with exactly the message {@code no entry at 3: this log holds 1..2}.
     */
    public LogEntry entry(long index) {
        throw new UnsupportedOperationException("Part 3: the entry at an index");
    }

    /**
     * Part 3: up to {@code max} entries from {@code from} on: fewer at the end of the log, none
     * past it or when {@code max} is 0. A {@code from} below {@link #firstIndex()} is an
     * {@link IndexOutOfBoundsException} (same message as {@link #entry}).
     */
    public List<LogEntry> entries(long from, int max) {
        throw new UnsupportedOperationException("Part 3: a slice of the log");
    }

    /** Part 3: every entry held, from {@link #firstIndex()} on. */
    public List<LogEntry> entries() {
        throw new UnsupportedOperationException("Part 3: every entry held");
    }

    /**
     * Part 4: where a leader should look next after this log refused an append at
     * {@code prevIndex}: {@code lastIndex() + 1} when the log is shorter, otherwise the first index
     * of the run of entries whose term is the term at {@code prevIndex} (§5.3, the end), so the
     * leader skips a whole conflicting term per round trip instead of one entry.
     * Log {@code 1 2 2 3}: hint 5 for prevIndex 7, 2 for 3, 2 for 2, 1 for 1, 4 for 4.
     */
    public long conflictHint(long prevIndex) {
        throw new UnsupportedOperationException("Part 4: the conflict hint");
    }

    /**
     * Part 4: §5.4.1: is a log whose last entry is at {@code lastIndex} with term {@code lastTerm}
     * at least as up-to-date as this one? The later last term wins; with equal last terms, the
     * longer log, and equal logs are up-to-date.
     */
    public boolean isUpToDate(long lastIndex, long lastTerm) {
        throw new UnsupportedOperationException("Part 4: the up-to-date rule");
    }

    /**
     * Part 3: a number that grows whenever the log's content changes (appendEntries, and in Part 4
     * append and truncateFrom), and only then, so a caller can tell whether it has something new to
     * make durable.
     */
    public long version() {
        throw new UnsupportedOperationException("Part 3: the version");
    }

    /**
     * Part 3: the entries as a list, exactly {@code [1:set x 1, 1:set y 2]} ({@code []} when
     * empty); a log that starts above 1 puts {@code base=<index>/<term> } in front:
     * {@code base=5/2 [3:e6t3, 3:e7t3]}.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 3: the log as a list");
    }
}
