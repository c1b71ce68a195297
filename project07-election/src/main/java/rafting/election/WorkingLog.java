package rafting.election;

import java.util.List;
import rafting.log.LogEntry;
import rafting.log.LogStorage;
import rafting.log.MemoryLogStorage;

/**
 * The node's own copy of its log, in memory: the storage under its {@link rafting.log.RaftLog}.
 * It remembers the lowest index changed since the last {@link #takeChanges()}, so that
 * {@link Ready} can tell the driver exactly what to write, and the core itself never writes a
 * file.
 */
final class WorkingLog implements LogStorage {

    private static final long UNCHANGED = Long.MAX_VALUE;

    private final MemoryLogStorage entries;
    private long changedFrom = UNCHANGED;

    /** A copy of {@code recovered}: what the driver's storage holds after a restart. */
    WorkingLog(LogStorage recovered) {
        long base = recovered.firstIndex() - 1;
        this.entries = new MemoryLogStorage(base, base == 0 ? 0 : recovered.baseTerm());
        for (long index = recovered.firstIndex(); index <= recovered.lastIndex(); index++) {
            entries.append(List.of(recovered.get(index)));
        }
    }

    @Override
    public long firstIndex() {
        return entries.firstIndex();
    }

    @Override
    public long lastIndex() {
        return entries.lastIndex();
    }

    @Override
    public long baseTerm() {
        return entries.baseTerm();
    }

    @Override
    public LogEntry get(long index) {
        return entries.get(index);
    }

    @Override
    public void append(List<LogEntry> more) {
        changedFrom = Math.min(changedFrom, lastIndex() + 1);
        entries.append(more);
    }

    @Override
    public void truncateFrom(long index) {
        entries.truncateFrom(index);
        changedFrom = Math.min(changedFrom, index);
    }

    /** The last index that did not change since the last {@link #takeChanges()}. */
    long unchangedUpTo() {
        return changedFrom == UNCHANGED ? lastIndex() : changedFrom - 1;
    }

    /** The index from which the log changed since the last call (0 when it did not), and forgets it. */
    long takeChanges() {
        long from = changedFrom == UNCHANGED ? 0 : changedFrom;
        changedFrom = UNCHANGED;
        return from;
    }
}
