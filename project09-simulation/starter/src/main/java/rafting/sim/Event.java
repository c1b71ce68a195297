package rafting.sim;

import rafting.replication.Message;

/**
 * One step of a simulated run. A run is a list of events, so it can be replayed, and replayed
 * with events left out to shrink it: an event that no longer applies (a message that was never
 * sent, a node that is already up) does nothing.
 *
 * <p>The inputs ({@link Fire}, {@link Deliver}, {@link Propose}) say whether the node's driver
 * then flushes: takes {@code ready()}, syncs and sends. An input left unflushed waits for the
 * node's next flush, as in a runtime that groups inputs before one fsync; a crash loses it.
 */
public sealed interface Event {

    /** Node {@code node}'s next timer fires: it ticks until its election timeout, or as a leader its next heartbeat. */
    record Fire(int node, boolean flush) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Fire.toString");
    }
    }

    /** The message in flight is delivered to its node (lost if its link is cut or its node is down). */
    record Deliver(Message message, boolean flush) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Deliver.toString");
    }
    }

    /** The message in flight is lost. */
    record Drop(Message message) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Drop.toString");
    }
    }

    /** The network puts a second copy of the message in flight. */
    record Duplicate(Message message) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Duplicate.toString");
    }
    }

    /** A client proposes {@code command} to node {@code node}. */
    record Propose(int node, String command, boolean flush) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Propose.toString");
    }
    }

    /** Node {@code node} loses power: its volatile state and every unsynced write are gone. */
    record Crash(int node) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Crash.toString");
    }
    }

    /** Node {@code node} starts again from what its disk kept. */
    record Restart(int node) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Restart.toString");
    }
    }

    /** The operating system writes node {@code node}'s dirty pages to disk without being asked. */
    record Writeback(int node) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Writeback.toString");
    }
    }

    /** The network now cuts exactly the links of {@code cut}; no link cut is a healed network. */
    record Partition(Links cut) implements Event {
        @Override
        public String toString() {
        throw new UnsupportedOperationException("Part 6: write Partition.toString");
    }
    }
}
