package rafting.sim;

import java.util.List;
import java.util.stream.Collectors;
import rafting.election.RaftNode;
import rafting.election.Role;
import rafting.replication.AppendEntries;
import rafting.replication.Message;

/**
 * One thing that happens to a cluster of real {@code RaftNode}s: the one vocabulary of the
 * simulator and of the explorer. A simulated run is a list of events, so it can be replayed, and
 * replayed with events left out to shrink it: an event that no longer applies (a message that was
 * never sent, a node that is already up) does nothing. An explored trace is a list of events too,
 * each one that the explorer chose among in a state. Each prints as one line of a story.
 *
 * <p>The inputs ({@link Fire}, {@link Deliver}, {@link Propose}) say whether the node's driver
 * then flushes: takes {@code ready()}, syncs and sends. An input left unflushed waits for the
 * node's next flush, as in a runtime that groups inputs before one fsync; a crash loses it. The
 * explorer always flushes.
 */
public sealed interface Event {

    /** The one node this event happens to (for a message, its receiver), or 0 for the whole network. */
    int node();

    /**
     * Node {@code node}'s next timer fires: it ticks until its election timeout, or as a leader
     * until its next heartbeat or quorum check ({@link #ticksUntilDue}).
     */
    record Fire(int node, boolean flush) implements Event {
        @Override
        public String toString() {
            return "n" + node + " timer fires" + (flush ? "" : " (not flushed)");
        }

        /** How many ticks until {@code node}'s next timer is due (at least one): what one {@code Fire} ticks. */
        public static int ticksUntilDue(RaftNode node) {
            var settings = node.settings();
            int ticks = node.role() == Role.LEADER
                    ? Math.min(settings.heartbeatTicks() - node.heartbeatElapsed(),
                            settings.electionTicksMin() - node.electionElapsed())
                    : node.electionTimeout() - node.electionElapsed();
            return Math.max(1, ticks);
        }
    }

    /** The message in flight is delivered to its node (lost if its link is cut or its node is down). */
    record Deliver(Message message, boolean flush) implements Event {
        @Override
        public int node() {
            return message.to();
        }

        @Override
        public String toString() {
            return "deliver " + describe(message) + (flush ? "" : " (not flushed)");
        }
    }

    /** The message in flight is lost. */
    record Drop(Message message) implements Event {
        @Override
        public int node() {
            return message.to();
        }

        @Override
        public String toString() {
            return "drop " + describe(message);
        }
    }

    /** The network puts a second copy of the message in flight. */
    record Duplicate(Message message) implements Event {
        @Override
        public int node() {
            return message.to();
        }

        @Override
        public String toString() {
            return "duplicate " + describe(message);
        }
    }

    /** A client proposes {@code command} to node {@code node}. */
    record Propose(int node, String command, boolean flush) implements Event {
        @Override
        public String toString() {
            return "client proposes " + command + " to n" + node + (flush ? "" : " (not flushed)");
        }
    }

    /**
     * {@code cause} happens, and the network loses what it makes its node send, during this event,
     * to the nodes {@code lostTo}. The explorer's only way to lose messages: one lost as it
     * leaves takes the servers to every state that one lost later would, with fewer messages in
     * flight on the way.
     */
    record Lossy(Event cause, List<Integer> lostTo) implements Event {
        public Lossy {
            lostTo = List.copyOf(lostTo);
        }

        @Override
        public int node() {
            return cause.node();
        }

        @Override
        public String toString() {
            return cause + "; what it sends to " + lostTo.stream().map(id -> "n" + id).collect(Collectors.joining(" and "))
                    + " is lost";
        }
    }

    /** Node {@code node} loses power: its volatile state and every unsynced write are gone. */
    record Crash(int node) implements Event {
        @Override
        public String toString() {
            return "n" + node + " crashes";
        }
    }

    /** Node {@code node} starts again from what its disk kept. */
    record Restart(int node) implements Event {
        @Override
        public String toString() {
            return "n" + node + " restarts";
        }
    }

    /** The operating system writes node {@code node}'s dirty pages to disk without being asked. */
    record Writeback(int node) implements Event {
        @Override
        public String toString() {
            return "n" + node + "'s disk writes back its cache";
        }
    }

    /** The network now cuts exactly the links of {@code cut}; no link cut is a healed network. */
    record Partition(Links cut) implements Event {
        @Override
        public int node() {
            return 0;
        }

        @Override
        public String toString() {
            return cut.isEmpty() ? "the network heals" : "partition: " + cut;
        }
    }

    /** A message on one line, with the entries an AppendEntries carries: {@code 1->3 AppendEntries t=3 prev=0/0 [1:no-op] commit=0}. */
    static String describe(Message message) {
        if (message instanceof AppendEntries request) {
            return request.from() + "->" + request.to() + " AppendEntries t=" + request.term()
                    + " prev=" + request.prevLogIndex() + "/" + request.prevLogTerm()
                    + request.entries().stream().map(Object::toString).collect(Collectors.joining(", ", " [", "]"))
                    + " commit=" + request.leaderCommit();
        }
        return message.toString();
    }
}
