package rafting.consensus;

import java.util.List;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * Part 3: applies committed entries to a {@link StateMachine} in log order, each exactly once, and
 * keeps {@code lastApplied} (Figure 2: if commitIndex > lastApplied, increment lastApplied and
 * apply log[lastApplied] to the state machine). No-ops advance {@code lastApplied} without
 * reaching the state machine.
 */
public final class Applier {

    /** An applier for a state machine that has applied nothing yet ({@code lastApplied} 0). */
    public Applier(StateMachine machine) {
        throw new UnsupportedOperationException("Part 3: an applier from the start");
    }

    /**
     * An applier for a state machine that already holds every entry up to {@code lastApplied}
     * (restored from a snapshot). A null machine is refused; a negative {@code lastApplied} is an
     * {@link IllegalArgumentException}.
     */
    public Applier(StateMachine machine, long lastApplied) {
        throw new UnsupportedOperationException("Part 3: an applier after a snapshot");
    }

    /**
     * Applies every entry after {@code lastApplied} up to {@code commitIndex}, in order, and returns
     * them with their results (none when {@code commitIndex <= lastApplied}). A no-op gets an empty
     * result without reaching the machine; a null result counts as empty. {@code lastApplied}
     * moves past an entry only once the machine returned: an exception from the machine leaves
     * its entry to be applied again, and propagates unchanged.
     */
    public List<Applied> applyUpTo(long commitIndex, RaftLog log) {
        throw new UnsupportedOperationException("Part 3: apply what is committed, once");
    }

    /**
     * Applies {@code entry}, committed at {@code index}, as {@link #applyUpTo} applies each entry.
     * {@code index} must be {@code lastApplied() + 1}: otherwise an IllegalArgumentException that
     * names the index that is next.
     */
    public Applied apply(long index, LogEntry entry) {
        throw new UnsupportedOperationException("Part 3: apply one entry");
    }

    public long lastApplied() {
        throw new UnsupportedOperationException("Part 3: lastApplied");
    }

    /** Exactly {@code applied up to 2}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 3: applied up to n");
    }
}
