package rafting.sim.timeline;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of a run's trace. Given whole in the starter: a record, its kinds and one factory per
 * kind; its {@code toString} is {@link TraceJson#write}, which is yours.
 *
 * <p>One line of a run's trace. A field that does not apply to the kind is 0 (numbers) or null (text).
 *
 * @param time  the logical time: the simulator's step, or a real node's wall clock in milliseconds
 * @param seq   orders the events of one time: the trace's own counter in the simulator, the node's own
 *              counter on a real node (so a node's events keep their order when traces are merged)
 * @param node  the node it happened on; 0 for the whole cluster (a partition, the violation)
 * @param kind  what happened
 * @param term  {@link Kind#ROLE}: the new term; {@link Kind#APPEND}: the entry's term
 * @param index {@link Kind#APPEND}: the entry's index; {@link Kind#TRUNCATE}: the first index removed;
 *              {@link Kind#COMMIT}: the new commit index
 * @param peer  the other end: the receiver of a {@link Kind#SEND}, the sender of a {@link Kind#DELIVER} or
 *              {@link Kind#DROP}, the client of a {@link Kind#REQUEST} or {@link Kind#REPLY}
 * @param id    the message's number (shared by its send and its delivery or drop), or the client
 *              operation's number (shared by its request and reply)
 * @param text  what the driver did ({@link Kind#STEP}: {@code n1 timer fires}), the role, the message's one-line {@code toString}, the entry, the command, the reply,
 *              the fault ({@code crash}, {@code restart}, {@code partition}, {@code heal}) or the violation's sentence
 * @param note  more about it: why a message was dropped, which links a partition cuts, which invariant broke
 */
public record TraceEvent(long time, long seq, int node, Kind kind, long term, long index, int peer, long id, String text, String note) {

    /** What an event says happened. */
    public enum Kind {
        STEP, ROLE, SEND, DELIVER, DROP, APPEND, TRUNCATE, COMMIT, REQUEST, REPLY, FAULT, VIOLATION;

        /** The name in the trace: {@code send}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String label) {
            try {
                return valueOf(label.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown kind '" + label + "'");
            }
        }
    }

    public TraceEvent {
        Objects.requireNonNull(kind, "kind");
        if (node < 0) {
            throw new IllegalArgumentException("node " + node + " is negative");
        }
    }

    /** What the driver did that the other kinds do not show: a timer fired, a client proposed, a message was lost as it left. */
    public static TraceEvent step(long time, long seq, int node, String what) {
        return new TraceEvent(time, seq, node, Kind.STEP, 0, 0, 0, 0, what, null);
    }

    public static TraceEvent role(long time, long seq, int node, String role, long term) {
        return new TraceEvent(time, seq, node, Kind.ROLE, term, 0, 0, 0, role, null);
    }

    public static TraceEvent send(long time, long seq, int from, int to, long id, String message) {
        return new TraceEvent(time, seq, from, Kind.SEND, 0, 0, to, id, message, null);
    }

    public static TraceEvent deliver(long time, long seq, int to, int from, long id, String message) {
        return new TraceEvent(time, seq, to, Kind.DELIVER, 0, 0, from, id, message, null);
    }

    public static TraceEvent drop(long time, long seq, int to, int from, long id, String message, String why) {
        return new TraceEvent(time, seq, to, Kind.DROP, 0, 0, from, id, message, why);
    }

    public static TraceEvent append(long time, long seq, int node, long index, long term, String entry) {
        return new TraceEvent(time, seq, node, Kind.APPEND, term, index, 0, 0, entry, null);
    }

    public static TraceEvent truncate(long time, long seq, int node, long from) {
        return new TraceEvent(time, seq, node, Kind.TRUNCATE, 0, from, 0, 0, null, null);
    }

    public static TraceEvent commit(long time, long seq, int node, long index) {
        return new TraceEvent(time, seq, node, Kind.COMMIT, 0, index, 0, 0, null, null);
    }

    public static TraceEvent request(long time, long seq, int node, int client, long id, String command) {
        return new TraceEvent(time, seq, node, Kind.REQUEST, 0, 0, client, id, command, null);
    }

    public static TraceEvent reply(long time, long seq, int node, int client, long id, String reply) {
        return new TraceEvent(time, seq, node, Kind.REPLY, 0, 0, client, id, reply, null);
    }

    public static TraceEvent fault(long time, long seq, int node, String fault, String note) {
        return new TraceEvent(time, seq, node, Kind.FAULT, 0, 0, 0, 0, fault, note);
    }

    public static TraceEvent violation(long time, long seq, String sentence, String invariant) {
        return new TraceEvent(time, seq, 0, Kind.VIOLATION, 0, 0, 0, 0, sentence, invariant);
    }

    /** The event as one line of JSON: {@code {"t":3,"seq":7,"node":1,"kind":"role","term":2,"text":"leader"}}. */
    @Override
    public String toString() {
        return TraceJson.write(this);
    }
}
