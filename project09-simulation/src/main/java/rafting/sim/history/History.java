package rafting.sim.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

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

    private final LongSupplier clock;

    /** A history whose time is its own counter: each invocation and completion the next number. */
    public History() {
        AtomicLong counter = new AtomicLong();
        this.clock = counter::incrementAndGet;
    }

    /**
     * A history whose time is read from {@code clock}, which never goes back: for histories with
     * PSETEX and PTTL, whose times must be the store's milliseconds (see {@link Command}). Events
     * at the same reading count as overlapping.
     */
    public History(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }
    private final List<Call> calls = new ArrayList<>();

    /** Records that {@code client} sends {@code command} now. */
    public Call invoke(int client, Command command) {
        Objects.requireNonNull(command, "command");
        Call call = new Call(client, command, clock.getAsLong());
        synchronized (calls) {
            calls.add(call);
        }
        return call;
    }

    /** Every operation recorded so far and not discarded; those without a reply yet are open. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        synchronized (calls) {
            for (Call call : calls) {
                Operation operation = call.operation();
                if (operation != null) {
                    operations.add(operation);
                }
            }
        }
        return operations;
    }

    /** One operation in flight; see {@link History#invoke}. */
    public final class Call {
        private final int client;
        private final Command command;
        private final long invoked;
        private String reply;
        private long completed = Operation.OPEN;
        private boolean discarded;

        private Call(int client, Command command, long invoked) {
            this.client = client;
            this.command = command;
            this.invoked = invoked;
        }

        /**
         * Records the reply, in the form {@link Command} describes. A reply of the wrong form
         * throws {@code IllegalArgumentException} and leaves the call open.
         */
        public void returned(String reply) {
            String problem = command.problemWithReply(reply);
            if (problem != null) {
                throw new IllegalArgumentException(command + ": " + problem + ", not " + reply);
            }
            long now = clock.getAsLong();
            synchronized (calls) {
                requireInFlight();
                this.reply = reply;
                this.completed = now;
            }
        }

        /** Forgets the call: it certainly did not take effect (the node refused it unseen). */
        public void discard() {
            synchronized (calls) {
                requireInFlight();
                discarded = true;
            }
        }

        private void requireInFlight() {
            if (discarded || completed != Operation.OPEN) {
                throw new IllegalStateException(command + " by client " + client + " has already ended");
            }
        }

        private Operation operation() {
            return discarded ? null : new Operation(client, command, reply, invoked, completed);
        }
    }
}
