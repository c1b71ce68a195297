package rafting.log;

import java.util.List;

/**
 * Part 2: a {@link LogStorage} in memory: nothing survives the process, which is all a test needs.
 * It holds the entries {@code firstIndex()..lastIndex()} (a list is enough), and remembers the
 * base it was built with: the index and term of the last entry compacted away, 0 and 0 when none
 * was.
 */
public final class MemoryLogStorage implements LogStorage {

    /** An empty storage for a log that starts at index 1: the base is 0/0. */
    public MemoryLogStorage() {
        throw new UnsupportedOperationException("Part 2: an empty storage from index 1");
    }

    /**
     * An empty storage for a log whose entries up to {@code baseIndex} were compacted into a
     * snapshot, the last of them of term {@code baseTerm}: its first entry will be at
     * {@code baseIndex + 1}. A base is 0/0, or a positive index with a positive term; anything else
     * (a negative number, or one of the two 0 and not the other) is an
     * {@link IllegalArgumentException} whose message starts with
     * {@code a base is index 0 with term 0, or a positive index with a positive term; got }
     * followed by {@code baseIndex/baseTerm}, for example {@code ...; got 0/1}.
     */
    public MemoryLogStorage(long baseIndex, long baseTerm) {
        throw new UnsupportedOperationException("Part 2: an empty storage after a base");
    }

    /** {@code baseIndex + 1}. */
    @Override
    public long firstIndex() {
        throw new UnsupportedOperationException("Part 2: the first index");
    }

    /** {@code firstIndex() - 1} plus the number of entries held. */
    @Override
    public long lastIndex() {
        throw new UnsupportedOperationException("Part 2: the last index");
    }

    /** The term given as {@code baseTerm}, 0 for a storage from index 1. */
    @Override
    public long baseTerm() {
        throw new UnsupportedOperationException("Part 2: the base term");
    }

    /** The entry at {@code index}; outside {@code firstIndex()..lastIndex()}, an {@link IndexOutOfBoundsException}. */
    @Override
    public LogEntry get(long index) {
        throw new UnsupportedOperationException("Part 2: read one entry");
    }

    /** Adds {@code entries} after the last one. */
    @Override
    public void append(List<LogEntry> entries) {
        throw new UnsupportedOperationException("Part 2: append entries");
    }

    /**
     * Deletes the entry at {@code index} and every entry after it. {@code index} must lie in
     * {@code firstIndex()..lastIndex() + 1} (the upper end deletes nothing); otherwise an
     * {@link IndexOutOfBoundsException} with exactly the message
     * {@code cannot truncate from 5: entries are 1..2} (the index, then firstIndex..lastIndex).
     */
    @Override
    public void truncateFrom(long index) {
        throw new UnsupportedOperationException("Part 2: truncate");
    }

    /**
     * Part 5 (Project 11): forgets every entry up to {@code index}; afterwards the first index is
     * {@code index + 1} and the base term {@code term}, the entries after {@code index} stay, and
     * past the end none is left. An index behind the base, a term below 1, or an entry held at
     * {@code index} of another term is an {@link IllegalArgumentException} with exactly the
     * message {@code cannot compact to 5/1: entries are 5..6 after 4/1} (index/term, the entries
     * held, the base index/term).
     */
    @Override
    public void compactTo(long index, long term) {
        throw new UnsupportedOperationException("Part 5: compact the storage");
    }
}
