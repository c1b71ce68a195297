package rafting.sim.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records client operations as they happen, from any number of threads, for the
 * {@link LinearizabilityChecker}. Time is a logical counter shared by all clients: every
 * invocation and every completion takes the next number, so the recorded order is the order in
 * which the recorder saw them, with no clock to trust.
 *
 * <pre>{@code
 * History history = new History();
 * History.Call call = history.invoke(1, Command.set("x", "1"));
 * String reply = client.set("x", "1");   // if this throws, the call stays open
 * call.returned(reply);
 * CheckResult result = LinearizabilityChecker.check(history.operations());
 * }</pre>
 *
 * <p>Invoke just before sending the request and mark the reply just after receiving it; the
 * interval then contains the moment the store really did the work. A request whose fate is unknown
 * (a timeout, a broken connection) stays open: leave it alone. A request that certainly had no
 * effect (the node refused it before doing anything) can be {@linkplain Call#discard discarded}.
 */
public final class History {

    /** A history whose time is its own counter: each invocation and completion the next number. */
    public History() {
        // Part 2: start your counter here (invoke and operations are the stubs that tell).
    }

    /**
     * A history whose time is read from {@code clock}, which never goes back: for histories with
     * PSETEX and PTTL, whose times must be the store's milliseconds. Events at the same reading
     * count as overlapping.
     */
    public History(java.util.function.LongSupplier clock) {
        throw new UnsupportedOperationException("Part 2: write History with a clock");
    }

    /** Records that {@code client} sends {@code command} now. */
    public Call invoke(int client, Command command) {
        throw new UnsupportedOperationException("Part 2: write History.invoke");
    }

    /** Every operation recorded so far and not discarded; those without a reply yet are open. */
    public List<Operation> operations() {
        throw new UnsupportedOperationException("Part 2: write History.operations");
    }

    /** One operation in flight; see {@link History#invoke}. */
    public final class Call {

        private Call(int client, Command command, long invoked) {
        throw new UnsupportedOperationException("Part 2: write Call");
    }

        /**
         * Records the reply, in the form {@link Command} describes. A reply of the wrong form
         * throws {@code IllegalArgumentException} and leaves the call open.
         * @throws IllegalArgumentException for a reply of the wrong form ({@code DEL replies 0 or 1})
         * @throws IllegalStateException if the call already ended (message contains {@code already ended})
         */
        public void returned(String reply) {
        throw new UnsupportedOperationException("Part 2: write Call.returned");
    }

        /**
         * Forgets the call: it certainly did not take effect (the node refused it unseen).
         *
         * @throws IllegalStateException if the call already ended (message contains {@code already ended})
         */
        public void discard() {
        throw new UnsupportedOperationException("Part 2: write Call.discard");
    }

    }
}
