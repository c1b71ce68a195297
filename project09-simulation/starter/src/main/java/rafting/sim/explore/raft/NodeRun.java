package rafting.sim.explore.raft;

import java.util.List;
import rafting.consensus.Membership;
import rafting.election.NodeKey;
import rafting.election.RaftNode;
import rafting.election.Settings;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.sim.Event;

/**
 * One server of an explored cluster, as an immutable value: what its disk holds and, while it
 * runs, its node, which is never changed once this value holds it. To take a server one event
 * further, copy the node ({@code RaftNode.copy}), give the copy the event through project 7's
 * {@code Driver} over a {@code MemoryDisk} (whose page cache holds the node's log and term/vote,
 * and whose platter holds this server's durable ones), and keep the copy in a new value. So every
 * state of the exploration keeps its own nodes, and the states that follow it can be tried in any
 * order. A crash keeps only what was synced.
 */
final class NodeRun {

    /** What every server of one exploration shares: the cluster and the nodes' settings; given whole. */
    record Setup(Membership members, Settings settings) {
    }

    /** A server one input further, and the messages that input made it send. */
    record Stepped(NodeRun run, List<Message> sent) {}

    /** The canonical encodings of this server, one per renaming of the servers: as the canonical key of a state uses them. */
    String[] encodings;

    private NodeRun(int id, RaftNode node, TermVote durableTermVote, List<LogEntry> durableLog) {
        throw new UnsupportedOperationException("Part 4: write NodeRun");
    }

    /** Server {@code id} that has never run: term 0, no vote, an empty log. */
    static NodeRun fresh(int id, Setup setup) {
        throw new UnsupportedOperationException("Part 4: write NodeRun.fresh");
    }

    /** The server after a crash: nothing runs; the disk keeps what was synced. */
    NodeRun crash() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.crash");
    }

    /** The server started again from its disk: a new node, with a commit index of 0. */
    NodeRun restart(Setup setup) {
        throw new UnsupportedOperationException("Part 4: write NodeRun.restart");
    }

    /**
     * This server after one more input ({@link Event.Fire}: a follower times out, a leader sends
     * heartbeats, ticking {@code Event.Fire.ticksUntilDue(node)} times; {@link Event.Propose}; or
     * {@link Event.Deliver}), its driver flushing after it, or null if the input cannot happen now
     * (a proposal needs a leader).
     */
    Stepped step(Event input, Setup setup) {
        throw new UnsupportedOperationException("Part 4: write NodeRun.step");
    }

    int id() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.id");
    }

    boolean isUp() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.isUp");
    }

    /** Everything that decides the running node's next reactions; null while the server is down. */
    NodeKey key() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.key");
    }

    TermVote durableTermVote() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.durableTermVote");
    }

    List<LogEntry> durableLog() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.durableLog");
    }

    /** The log as the server has it: the node's while it runs, the disk's while it is down. */
    List<LogEntry> log() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.log");
    }

    /** The term as the server has it: the node's while it runs, the disk's while it is down. */
    long term() {
        throw new UnsupportedOperationException("Part 4: write NodeRun.term");
    }
}
