package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import rafting.consensus.Membership;
import rafting.election.Settings;
import rafting.election.NodeKey;
import rafting.election.Ready;
import rafting.election.Role;
import rafting.election.RaftNode;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.log.MemoryLogStorage;
import rafting.log.RaftLog;
import rafting.replication.Message;
import rafting.replication.RequestVote;

/**
 * One server of an explored cluster, as an immutable value: what its disk holds and, while it
 * runs, its node's {@link NodeKey} and a {@link Recipe} for that node. A {@code RaftNode} is
 * mutable and cannot be copied, so the explorer never keeps one: to take a server one event
 * further, it follows the recipe (a fresh node from a disk, then some inputs, each followed by
 * {@code ready()} as the first time) and gives the new node the event. The core is deterministic,
 * so the recipe gives the same node every time.
 *
 * <p>Recipes stay short: a node's key decides all its future reactions, so any recipe that
 * reaches the same key makes an equally good node, and the {@link Setup} keeps the first one
 * found for each key (breadth-first, so a short one). Without that, a leader that has sent a
 * hundred heartbeats would replay a hundred ticks at every event.
 *
 * <p>The driver keeps the contract of {@link RaftNode}: after every input it calls
 * {@code ready()}, writes the term/vote record, and when told to sync, makes the term/vote record
 * and the log durable before the messages leave. A crash keeps only what was synced.
 */
final class NodeRun {

    /** How to build a node: start it from {@code termVote} and {@code log}, then give it {@code inputs}. */
    record Recipe(TermVote termVote, List<LogEntry> log, List<RaftEvent> inputs) {

        /** This recipe with one more input. */
        Recipe and(RaftEvent input) {
        throw new UnsupportedOperationException("Part 4: write Recipe.and");
    }
    }

    /** What every server of one exploration shares: the cluster, the nodes' settings, and the recipes found. */
    static final class Setup {

        Setup(Membership members, Settings settings) {
        throw new UnsupportedOperationException("Part 4: write Setup");
    }

        Membership members() {
        throw new UnsupportedOperationException("Part 4: write Setup.members");
    }

        Settings settings() {
        throw new UnsupportedOperationException("Part 4: write Setup.settings");
    }

        /** The first recipe found for a node with this key: {@code recipe}, unless another came first. */
        Recipe shortest(NodeKey key, Recipe recipe) {
        throw new UnsupportedOperationException("Part 4: write Setup.shortest");
    }
    }

    /** A server one input further, and the messages that input made it send. */
    record Stepped(NodeRun run, List<Message> sent) {}

    /** The canonical encodings of this server, one per renaming of the servers: as the canonical key of a state uses them. */
    String[] encodings;

    private NodeRun(int id, boolean up, Recipe recipe, TermVote durableTermVote, List<LogEntry> durableLog, NodeKey key) {
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
     * This server after one more input ({@link RaftEvent.Timeout}, {@link RaftEvent.Heartbeat},
     * {@link RaftEvent.Propose} or {@link RaftEvent.Deliver}), or null if the input cannot happen
     * now (a leader does not time out; a follower sends no heartbeats; a proposal needs a leader).
     */
    Stepped step(RaftEvent input, Setup setup) {
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
