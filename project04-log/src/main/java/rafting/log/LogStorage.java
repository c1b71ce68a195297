package rafting.log;

import java.util.List;

/**
 * Where a {@link RaftLog} keeps its entries: the storage port. {@link MemoryLogStorage} keeps
 * them in memory; the running system keeps them in files, and the simulator on a disk that loses
 * whatever was not synced when its node crashes.
 *
 * <p>The storage holds the entries {@code firstIndex()..lastIndex()}, without holes. Entries
 * before {@code firstIndex()} may have been compacted into a snapshot; the term of the last of
 * them, at {@code firstIndex() - 1}, is still known ({@link #baseTerm()}) so that the log can check
 * an append that follows it. An empty, uncompacted storage has {@code firstIndex() == 1},
 * {@code lastIndex() == 0} and {@code baseTerm() == 0}.
 *
 * <p>Durability: the methods that change the storage need not make the change durable before they
 * return. The Raft core never does I/O; whoever drives it makes the storage durable (one sync for
 * many changes) before acting on the core's output, as the driver's contract in
 * {@code project07-election} says. A storage may fail a call with an unchecked exception, never
 * return having half done it.
 */
public interface LogStorage {

    /** The index of the first entry held; {@code lastIndex() + 1} when none is held. */
    long firstIndex();

    /** The index of the last entry held, or {@code firstIndex() - 1} when none is held. */
    long lastIndex();

    /** The term of the entry at {@code firstIndex() - 1}: 0 at the start of the log, else the term of the last entry compacted away. */
    long baseTerm();

    /** The entry at {@code index}, which must lie in {@code firstIndex()..lastIndex()}. */
    LogEntry get(long index);

    /** Adds {@code entries} after the last entry, at {@code lastIndex() + 1} onwards. */
    void append(List<LogEntry> entries);

    /** Deletes the entry at {@code index} and every entry after it; {@code index} lies in {@code firstIndex()..lastIndex() + 1}. */
    void truncateFrom(long index);

    /**
     * Forgets every entry up to {@code index}: a snapshot holds them now (§7), the last of them of
     * term {@code term}. Afterwards {@code firstIndex() == index + 1} and {@code baseTerm() == term};
     * the entries after {@code index} stay, and when the storage ends before {@code index} none is
     * left. {@code index} is at least {@code firstIndex() - 1}, and where the storage holds an
     * entry at {@code index}, that entry's term is {@code term}: whoever compacts checks that first.
     */
    void compactTo(long index, long term);
}
