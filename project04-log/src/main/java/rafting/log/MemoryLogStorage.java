package rafting.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@link LogStorage} in memory: nothing survives the process, which is all a test needs. */
public final class MemoryLogStorage implements LogStorage {

    private long firstIndex;
    private long baseTerm;
    private final List<LogEntry> entries = new ArrayList<>();

    /** An empty storage for a log that starts at index 1. */
    public MemoryLogStorage() {
        this(0, 0);
    }

    /**
     * An empty storage for a log whose entries up to {@code baseIndex} were compacted into a
     * snapshot, the last of them of term {@code baseTerm}: its first entry will be {@code baseIndex + 1}.
     */
    public MemoryLogStorage(long baseIndex, long baseTerm) {
        if (baseIndex < 0 || baseTerm < 0 || (baseIndex == 0) != (baseTerm == 0)) {
            throw new IllegalArgumentException(
                    "a base is index 0 with term 0, or a positive index with a positive term; got "
                            + baseIndex + "/" + baseTerm);
        }
        this.firstIndex = baseIndex + 1;
        this.baseTerm = baseTerm;
    }

    @Override
    public long firstIndex() {
        return firstIndex;
    }

    @Override
    public long lastIndex() {
        return firstIndex + entries.size() - 1;
    }

    @Override
    public long baseTerm() {
        return baseTerm;
    }

    @Override
    public LogEntry get(long index) {
        Objects.checkIndex(index - firstIndex, entries.size());
        return entries.get((int) (index - firstIndex));
    }

    @Override
    public void append(List<LogEntry> more) {
        entries.addAll(more);
    }

    @Override
    public void truncateFrom(long index) {
        if (index < firstIndex || index > lastIndex() + 1) {
            throw new IndexOutOfBoundsException(
                    "cannot truncate from " + index + ": entries are " + firstIndex + ".." + lastIndex());
        }
        entries.subList((int) (index - firstIndex), entries.size()).clear();
    }

    @Override
    public void compactTo(long index, long term) {
        if (index < firstIndex - 1 || term < 1 || index <= lastIndex() && get(index).term() != term) {
            throw new IllegalArgumentException("cannot compact to " + index + "/" + term + ": entries are "
                    + firstIndex + ".." + lastIndex() + " after " + (firstIndex - 1) + "/" + baseTerm);
        }
        entries.subList(0, (int) Math.min(index - firstIndex + 1, entries.size())).clear();
        firstIndex = index + 1;
        baseTerm = term;
    }
}
