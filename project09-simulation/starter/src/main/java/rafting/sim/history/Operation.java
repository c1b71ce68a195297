package rafting.sim.history;

import java.util.Objects;

/**
 * One client operation in a history: the command, when the client sent it, and, if it completed,
 * when the reply arrived and what it said. Times are any numbers that order events as they
 * happened: a logical counter (as {@link History} keeps), simulated ticks, or {@code nanoTime}.
 * One operation precedes another only if it completed strictly before the other was invoked;
 * equal times count as overlapping.
 *
 * <p>An operation that never completed (the client gave up, the connection broke, the node
 * crashed) is open: it may have taken effect at any time after its invocation, or never.
 *
 * @param client    who issued it, for the reader of a report
 * @param command   what was asked
 * @param reply     what came back (see {@link Command} for the form); null for an open operation,
 *                  and for a GET that found no value
 * @param invoked   when it was sent
 * @param completed when the reply arrived, or {@link #OPEN}
 */
public record Operation(int client, Command command, String reply, long invoked, long completed) {

    /** The completion time of an operation that never completed. */
    public static final long OPEN = Long.MAX_VALUE;

    /**
     * @throws IllegalArgumentException for an operation completed before it was invoked (message
     *         contains {@code before it was invoked}), an open one with a reply, or a reply of the wrong
     *         form: the message of {@link Command}'s check, such as {@code SET replies OK} or
     *         {@code CAS replies 0 or 1}
     */
    public Operation {
        throw new UnsupportedOperationException("Part 2: write Operation");
    }

    /** An operation that completed with {@code reply}. */
    public static Operation completed(int client, Command command, String reply, long invoked, long completed) {
        throw new UnsupportedOperationException("Part 2: write Operation.completed");
    }

    /** An operation that was sent and never answered. */
    public static Operation open(int client, Command command, long invoked) {
        throw new UnsupportedOperationException("Part 2: write Operation.open");
    }

    public boolean isOpen() {
        throw new UnsupportedOperationException("Part 2: write Operation.isOpen");
    }

    /** {@code c2 [4, 7] GET x -> "1"}, {@code c2 [8, 9] GET y -> nil}, {@code c1 [3, -] SET x 2 -> ?}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 2: write Operation.toString");
    }
}
