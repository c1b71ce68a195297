package rafting.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * Applies committed entries to a {@link StateMachine} in log order, each exactly once, and keeps
 * {@code lastApplied} (Figure 2: if commitIndex > lastApplied, increment lastApplied and apply
 * log[lastApplied] to the state machine). No-ops advance {@code lastApplied} without reaching
 * the state machine.
 */
public final class Applier {

    private static final byte[] NOTHING = new byte[0];

    private final StateMachine machine;
    private long lastApplied;

    /** An applier for a state machine that has applied nothing yet. */
    public Applier(StateMachine machine) {
        this(machine, 0);
    }

    /** An applier for a state machine that already holds every entry up to {@code lastApplied} (restored from a snapshot). */
    public Applier(StateMachine machine, long lastApplied) {
        this.machine = Objects.requireNonNull(machine, "machine");
        if (lastApplied < 0) {
            throw new IllegalArgumentException("lastApplied is never negative, got " + lastApplied);
        }
        this.lastApplied = lastApplied;
    }

    /** Applies every entry after {@code lastApplied} up to {@code commitIndex}; returns them with their results. */
    public List<Applied> applyUpTo(long commitIndex, RaftLog log) {
        if (commitIndex <= lastApplied) {
            return List.of();
        }
        var applied = new ArrayList<Applied>((int) Math.min(commitIndex - lastApplied, 1024));
        while (lastApplied < commitIndex) {
            applied.add(apply(lastApplied + 1, log.entry(lastApplied + 1)));
        }
        return applied;
    }

    /** Applies {@code entry}, committed at {@code index}, which must be {@code lastApplied() + 1}. */
    public Applied apply(long index, LogEntry entry) {
        if (index != lastApplied + 1) {
            throw new IllegalArgumentException("entries are applied in order: " + (lastApplied + 1) + " is next, not " + index);
        }
        byte[] result = entry.isNoop() ? NOTHING : machine.apply(index, entry.command());
        lastApplied = index; // only once the state machine took it: an exception leaves it to apply again
        return new Applied(index, entry, result == null ? NOTHING : result);
    }

    public long lastApplied() {
        return lastApplied;
    }

    @Override
    public String toString() {
        return "applied up to " + lastApplied;
    }
}
