package rafting.consensus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
            long index = lastApplied + 1;
            var entry = log.entry(index);
            byte[] result = entry.isNoop() ? NOTHING : machine.apply(index, entry.command());
            lastApplied = index; // only once the state machine took it: an exception leaves it to apply again
            applied.add(new Applied(index, entry, result == null ? NOTHING : result));
        }
        return applied;
    }

    public long lastApplied() {
        return lastApplied;
    }

    @Override
    public String toString() {
        return "applied up to " + lastApplied;
    }
}
