package rafting.events;

/**
 * Part 3: communicating tasks on the smallest example that still has three stages: one task
 * counts 1..n, one squares, one adds up, each owning its own state and talking to the next one
 * only through a {@link Channel}; closing a channel tells the next task that the work is done.
 *
 * <pre>  numbers --[channel]--> squarer --[channel]--> adder</pre>
 */
public final class SumOfSquares {

    private SumOfSquares() {
    }

    /** 1² + 2² + ... + n², computed by three tasks of a {@link TaskGroup} joined by channels of the given capacity. */
    public static long compute(int n, int capacity) throws Exception {
        throw new UnsupportedOperationException("Part 3: count, square and add in three tasks joined by two channels");
    }

    /** {@code SumOfSquares [n]} (default 100) prints {@code sum of squares 1..1000 = 333833500}. */
    public static void main(String[] args) throws Exception {
        throw new UnsupportedOperationException("Part 3: print the sum for n");
    }
}
