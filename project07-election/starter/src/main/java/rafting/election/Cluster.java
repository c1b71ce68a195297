package rafting.election;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import rafting.consensus.Applied;
import rafting.consensus.Membership;
import rafting.log.LogEntry;
import rafting.replication.Network;

/**
 * Part 4: a whole cluster of {@link RaftNode}s in memory, servers 1..N on the {@link Network} of
 * Project 5: for tests and for jshell. Each server has a node, a {@link Driver} and a
 * {@link MemoryDisk}; after each input to a node, its driver does what the node asks, and what it
 * sent goes to the network.
 *
 * <p>{@link #crash(int)} crashes the server's disk (it keeps only what was synced) and
 * {@link #restart(int)} rebuilds the node from what is left ({@code new RaftNode(id, members,
 * settings, disk.durableStorage(), disk.durableTermVote(), random)}), as a real crash would.
 * Everything is seeded: the same calls give the same run, so each node's random must be a seeded
 * generator derived from {@code seed}, the server's id and how often it restarted (for example
 * {@code new SplittableRandom(...)}). The state machine answers {@code ok} to every command. A
 * server that is down receives nothing: the network's messages to it are dropped.
 */
public final class Cluster {

    private Cluster(int size, Settings settings, long seed) {
        throw new UnsupportedOperationException("Part 4: a server per member: its node, its disk, its place on the network");
    }

    /** Servers 1..{@code size} with {@link Settings#defaults()}, their timeouts drawn from {@code seed}. */
    public static Cluster of(int size, long seed) {
        throw new UnsupportedOperationException("Part 4: a cluster with the default settings");
    }

    /** Servers 1..{@code size} configured by {@code settings}, each attached to a {@code Network.of(size)}. */
    public static Cluster of(int size, Settings settings, long seed) {
        throw new UnsupportedOperationException("Part 4: start every server and attach it to the network");
    }

    // ---------------------------------------------------------------- time and messages

    /** One tick for every running server, in id order; what they send goes in flight, undelivered. */
    public void tick() {
        throw new UnsupportedOperationException("Part 4: tick every running server");
    }

    /** One tick for server {@code id} alone (nothing if it is down). */
    public void tick(int id) {
        throw new UnsupportedOperationException("Part 4: tick one server, keep the contract, send");
    }

    /** Delivers every message, and every answer, until the network is quiet; returns how many. */
    public int deliverAll() {
        throw new UnsupportedOperationException("Part 4: deliver until the network is quiet");
    }

    /** {@code ticks} rounds of: every server ticks, then every message is delivered. */
    public void run(int ticks) {
        throw new UnsupportedOperationException("Part 4: tick and deliver, so many times");
    }

    /**
     * Runs one round at a time ({@link #run(int)} of 1) until some running server leads, at most
     * {@code maxTicks} rounds; returns the leader.
     *
     * @throws IllegalStateException {@code "no leader after <maxTicks> ticks:\n"} followed by this
     *     cluster's {@link #toString()}
     */
    public RaftNode awaitLeader(int maxTicks) {
        throw new UnsupportedOperationException("Part 4: run until a leader exists");
    }

    /**
     * Ticks server {@code id} alone until its election timeout elapses and it starts an election
     * (or a pre-vote): until it is no longer a follower or its term moved, at most
     * {@code electionTicksMax + 1} ticks; then delivers everything. A scripted "this server times
     * out now".
     *
     * @throws IllegalStateException when the server leads: {@code "n<id> leads: leaders have no election timeout"}
     */
    public void timeout(int id) {
        throw new UnsupportedOperationException("Part 4: tick one server until it campaigns, then deliver");
    }

    /**
     * Proposes {@code command} to server {@code id} and returns the node's answer; what the node
     * sends goes in flight.
     *
     * @throws IllegalStateException when the server is down: {@code "n<id> is down"}
     */
    public Proposal propose(int id, String command) {
        throw new UnsupportedOperationException("Part 4: propose, keep the contract, send");
    }

    /** Part 7: asks server {@code id} for the read {@code readId} ({@link RaftNode#readIndex(long)}), keeps the contract, sends. */
    public Proposal read(int id, long readId) {
        throw new UnsupportedOperationException("Part 7: a read, through the driver");
    }

    /**
     * Part 7: how server {@code id}'s reads were settled since it last started: true for a read it
     * may answer, false for one it refused because it stopped leading; a read not settled is absent.
     */
    public Map<Long, Boolean> reads(int id) {
        throw new UnsupportedOperationException("Part 7: the reads settled");
    }

    // ---------------------------------------------------------------- crashes

    /** Stops server {@code id} at once: messages in flight to and from it are dropped, and so is all it did not sync. */
    public void crash(int id) {
        throw new UnsupportedOperationException("Part 4: stop the server, drop its messages");
    }

    /** Starts server {@code id} again from what its disk kept, with a fresh state machine and an empty list of applied entries. */
    public void restart(int id) {
        throw new UnsupportedOperationException("Part 4: rebuild the node from its synced state");
    }

    /** Starts server {@code id} again as if its disk held {@code termVote} (written and synced) and {@code log}: to set up a scenario. */
    public void restart(int id, TermVote termVote, List<LogEntry> log) {
        throw new UnsupportedOperationException("Part 4: put this state on the disk, then restart");
    }

    // ---------------------------------------------------------------- reading

    /**
     * The node of server {@code id} (after a restart, the new one).
     *
     * @throws IllegalArgumentException {@code "no server <id> in <members>"}
     */
    public RaftNode node(int id) {
        throw new UnsupportedOperationException("Part 4: the node of a server");
    }

    /** Server {@code id}'s disk: what it wrote, and what of that is synced. */
    public MemoryDisk disk(int id) {
        throw new UnsupportedOperationException("Part 4: the disk of a server");
    }

    /** Whether server {@code id} runs. */
    public boolean isUp(int id) {
        throw new UnsupportedOperationException("Part 4: does the server run?");
    }

    /** The running server that leads at the highest term, if any. */
    public Optional<RaftNode> leader() {
        throw new UnsupportedOperationException("Part 4: the running leader of the highest term");
    }

    /**
     * Part 8 (Project 11): every command in server {@code id}'s state machine, in the order
     * applied, including those of the snapshots it was restored from. For this, each server's
     * state machine keeps its commands as text and snapshots them (one per line); a server starts
     * from its disk's snapshot ({@code disk.snapshot()}).
     */
    public List<String> state(int id) {
        throw new UnsupportedOperationException("Part 8: the commands in a server's state machine");
    }

    /** What server {@code id}'s state machine was given since it last started, in order (a copy). */
    public List<Applied> applied(int id) {
        throw new UnsupportedOperationException("Part 4: what the server applied since it started");
    }

    /** The network, for its own controls (isolate, cut, heal, deliverFirst, dropIf ...). */
    public Network net() {
        throw new UnsupportedOperationException("Part 4: the network");
    }

    /** Servers 1..N. */
    public Membership members() {
        throw new UnsupportedOperationException("Part 4: the membership");
    }

    /**
     * One line per server in id order, each {@code <node> log=<log>} with {@code  (down)} after
     * the node when it is down ({@code n1 follower t=1 vote=3 leader=3 commit=2 applied=2 last=2/1
     * log=[1:no-op, 1:set x 1]}), each ended by a newline, then the network's own {@code toString}
     * (the messages in flight).
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: one line per server, then the network");
    }
}
