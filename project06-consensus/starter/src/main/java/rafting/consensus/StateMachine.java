package rafting.consensus;

/**
 * What the replicated log drives: the application. It is given every committed command once, in
 * log order, and returns the command's result. It must be deterministic (every server computes
 * the same results from the same commands) and answer a bad command with an error result rather
 * than an exception: the command is committed whatever it says.
 */
@FunctionalInterface
public interface StateMachine {

    /** Applies the command committed at {@code index} and returns its result. */
    byte[] apply(long index, byte[] command);
}
