package rafting.sim.explore.raft;

import java.util.List;
import java.util.stream.Collectors;
import rafting.replication.AppendEntries;
import rafting.replication.Message;

/**
 * One thing that can happen to a small cluster of real {@code RaftNode}s: what the explorer
 * chooses among in every state. Each prints as one line of a story.
 */
public sealed interface RaftEvent {

    /** The server it happens to; for a message delivered, its receiver. */
    int node();

    /** Server {@code node} hears nothing until its election timeout elapses: it starts an election. */
    record Timeout(int node) implements RaftEvent {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 4: write Timeout.toString");
    }
    }

    /** Leader {@code node}'s clock ticks until it sends its heartbeats (with any entries a follower misses). */
    record Heartbeat(int node) implements RaftEvent {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 4: write Heartbeat.toString");
    }
    }

    /** A client proposes {@code command} to leader {@code node}. */
    record Propose(int node, String command) implements RaftEvent {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 4: write Propose.toString");
    }
    }

    /** The network delivers {@code message} (one copy of it). */
    record Deliver(Message message) implements RaftEvent {
        @Override
        public int node() {
        throw new UnsupportedOperationException("Part 4: write Deliver.node");
    }

        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 4: write Deliver.toString");
    }
    }

    /**
     * {@code cause} happens, and the network loses what it makes the server send to the servers
     * {@code lostTo} (each of which is sent something). A message lost as it leaves takes the
     * servers to every state that one lost later would, with fewer messages in flight on the way,
     * so this is the only way the explored network loses messages.
     */
    record Lossy(RaftEvent cause, List<Integer> lostTo) implements RaftEvent {
        public Lossy {
        throw new UnsupportedOperationException("Part 4: write Lossy");
    }

        @Override
        public int node() {
        throw new UnsupportedOperationException("Part 4: write Lossy.node");
    }

        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 4: write Lossy.toString");
    }
    }

    /** Server {@code node} stops: it keeps only what it synced; messages to it are lost. */
    record Crash(int node) implements RaftEvent {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 4: write Crash.toString");
    }
    }

    /** Server {@code node} starts again from what it synced. */
    record Restart(int node) implements RaftEvent {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 4: write Restart.toString");
    }
    }

    /** A message on one line, with the entries an AppendEntries carries: {@code 1->3 AppendEntries t=3 prev=0/0 [1:no-op] commit=0}. */
    static String describe(Message message) {
        throw new UnsupportedOperationException("Part 4: write RaftEvent.describe");
    }
}
