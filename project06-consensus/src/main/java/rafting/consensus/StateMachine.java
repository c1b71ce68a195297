package rafting.consensus;

/**
 * What the replicated log drives: the application. It is given every committed command once, in
 * log order, and returns the command's result. It must be deterministic (every server computes
 * the same results from the same commands) and answer a bad command with an error result rather
 * than an exception: the command is committed whatever it says.
 *
 * <p>A machine that can be snapshotted (§7, Project 11) also writes its whole state as bytes and
 * restores from them; one that keeps the two defaults runs only where snapshots are off.
 */
@FunctionalInterface
public interface StateMachine {

    /** Applies the command committed at {@code index} and returns its result. */
    byte[] apply(long index, byte[] command);

    /** The whole state, as bytes from which {@link #restore} rebuilds it: every command applied so far is in it. */
    default byte[] snapshot() {
        throw new UnsupportedOperationException(getClass().getName() + " takes no snapshots: run it with snapshots off");
    }

    /** Replaces the whole state with the one {@code snapshot} holds, as {@link #snapshot()} wrote it. */
    default void restore(byte[] snapshot) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot restore a snapshot: run it with snapshots off");
    }
}
