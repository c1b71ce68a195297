package rafting.system;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import rafting.election.Driver;
import rafting.election.NodeKey;
import rafting.election.NodeState;
import rafting.election.RaftNode;
import rafting.election.Settings;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.events.EventLoop;
import rafting.log.LogStorage;
import rafting.replication.Message;

/**
 * Parts 4 and 5: one node of the key-value cluster: Project 7's {@link RaftNode}, its
 * {@link DataFolder}, its {@link PeerTransport} and its clients, wired together.
 *
 * <pre>
 *   client threads ──commands──┐                      ┌──> DataFolder: term-vote, log segments (1 fsync)
 *   peer threads ───messages───┼──> event loop thread ┤
 *   tick timer (10 ms) ────────┘    RaftNode, KvStore └──> then: PeerLinks (messages), client replies
 * </pre>
 *
 * <p><b>Threads.</b> One event loop (Project 2's {@code EventLoop}, named {@code n<id>}) owns the
 * {@code RaftNode} and its {@link KvStateMachine}; nothing else touches them. Socket threads post
 * to the loop; a periodic timer posts {@code tick()} every {@code tick}. In the loop's after-batch
 * hook, once per batch, follow {@code RaftNode}'s driver contract ({@link RaftNode#ready()}): save
 * the term/vote record if it changed, sync the log once if it changed, and only then send the
 * messages and hand each waiting client its own result. No vote, no acknowledgement of entries
 * and no reply leaves before the state behind it is on disk. One refinement (Ongaro's thesis
 * §10.2.1): while this node leads, its AppendEntries may leave before its own sync, since their
 * answers are handled in a later batch, after the sync. A failed write or sync stops the node
 * ({@link #failure()}): it may promise nothing more.
 *
 * <p><b>Clients</b> (Part 4) speak RESP2 (Project 1's {@code RespReader}) on the client port, one
 * thread per connection (Project 1's {@code TcpServer}), which reads every command that has
 * arrived (a client may pipeline many), hands those that need the log to the loop in one post,
 * and writes the replies in the order the commands came. {@code PING}, {@code QUIT} and
 * {@code INFO} are answered without the log; a command that does not parse gets the error of
 * {@code KvCommand.parse} ({@code ERR unknown command 'FLUSHALL'},
 * {@code ERR wrong number of arguments for 'get' command}) and the connection goes on; malformed
 * RESP gets {@code -ERR <what is wrong>} and the connection is closed (the next command's start
 * is lost). Random bytes never take the node down.
 *
 * <p>Every other command, reads included until Part 8, goes through the log
 * ({@link KvStateMachine#encode}): the reply is the result of applying its entry, so a read sees
 * every write acknowledged before it began. {@code RaftNode.propose} says at which index and term the entry sits; when the entry at
 * that index is applied, the client gets the result only if its term is the proposal's term.
 * Another term there means a new leader replaced the entry: reply an error that starts with
 * {@code ERR lost} (the reference: {@code -ERR lost: a new leader replaced this command's log
 * entry before it committed; it did not take effect}). A leader that steps down keeps its clients
 * waiting: as a follower it learns which entry was committed at each of their indexes and answers
 * each one for certain. A command the node cannot answer within 10 s gets
 * {@code -TIMEOUT no answer in 10 s; the command may or may not have taken effect}; one waiting
 * when the node stops gets {@code -ERR this node is shutting down; the command may or may not have
 * taken effect}.
 *
 * <p><b>Reads without the log</b> (Part 8, Project 11, thesis §6.4): a command that only reads
 * ({@link KvStateMachine#isRead}) goes to {@code RaftNode.readIndex} instead of the log, unless
 * {@link KvStateMachine#expiresBefore} the leader's clock (then the log carries the leader's time
 * to every replica). When the driver's outbox hears that the read may be answered, answer it with
 * {@link KvStateMachine#read}, but only once every write this node had accepted before the read
 * (its log's last index then) is applied: a client that pipelines {@code SET x 1} and
 * {@code GET x} reads its own write. A read refused, or still waiting when the node stops leading,
 * gets {@code -MOVED} or {@code -CLUSTERDOWN} as below.
 *
 * <p><b>A follower redirects</b> (Part 5): {@code -MOVED 0 host:port}, the leader's client address
 * from the {@link ClusterFile}, as {@code redis-cli -c} expects, or {@code -CLUSTERDOWN ...} while
 * no leader is known (the reference: {@code -CLUSTERDOWN no leader elected yet; try again shortly}).
 *
 * <p><b>{@code INFO}</b> (or {@code INFO raft}) answers a bulk string, a {@code # Raft} line and
 * then Redis's {@code field:value} lines, each ending in {@code \r\n}: {@code node_id},
 * {@code role} ({@code leader}, {@code follower} or {@code candidate}; a pre-candidate shows as
 * {@code candidate}), {@code term}, {@code leader_id} (0 when unknown), {@code commit_index},
 * {@code last_applied}, and the reference adds {@code last_log_index}, {@code voted_for},
 * {@code cluster} and {@code cluster_size}.
 */
public final class KvNode implements Closeable {

    /** 10 ms a tick: with {@link #DEFAULT_RAFT}, heartbeats every 50 ms, elections after 250 to 500 ms of silence. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(10);

    /**
     * Part 10 (Project 11): a snapshot once the log since the last one holds 100,000 entries or
     * 8 MiB of commands, sent in chunks of 1 MiB. Given whole.
     */
    public static final Settings.Snapshots DEFAULT_SNAPSHOTS = new Settings.Snapshots(100_000, 8L << 20, 1 << 20);

    /**
     * Part 10, given whole: the start of the error a node gives a client whose command's entry a
     * leader's snapshot covered (the node stepped down and installed it): the outcome is unknown
     * there, and a session's retry learns it. The reference's full text goes on
     * {@code , which covers the command's log entry: it may or may not have taken effect; retry it
     * in its session to get its reply}.
     */
    static final String COVERED_BY_SNAPSHOT_ERROR = "ERR this node took the leader's snapshot";

    /**
     * Elections after 25 to 50 ticks, heartbeats every 5, at most 512 entries a message. The
     * paper's 150 to 300 ms is enough on a quiet machine; on a busy one a single slow fsync of
     * the leader can last 100 ms, and a follower should not take that for a dead leader.
     */
    public static final Settings DEFAULT_RAFT = Settings.defaults().withElectionTicks(25, 50).withHeartbeatTicks(5)
            .withMaxBatch(512).withSnapshots(KvNode.DEFAULT_SNAPSHOTS);

    /**
     * Where a node keeps its state: its {@link DataFolder}, or the simulator's disk. What it
     * recovered is read once, at the start; the node then changes it only through the driver.
     */
    interface Storage extends Driver.Disk, Closeable {
        /** The log as recovered. */
        LogStorage log();

        /** The term/vote record as recovered. */
        TermVote termVote();

        /** Part 10: the snapshot as recovered ({@link Snapshot#NONE} if none); the node starts from it. */
        Snapshot snapshot();
    }

    /** Where the node's messages go: its {@link PeerTransport}, or the simulator's network. */
    interface Peers {
        /** Queues {@code message} for its receiver; it may be lost, never garbled. */
        void send(Message message);

        /** Disconnects; nothing more is sent. */
        void close();
    }

    /**
     * Part 7: a node over its ports, not yet connected. {@link #start} builds one on a
     * {@link DataFolder}, an {@code EventLoop} of its own and the system clock, then connects its
     * {@link PeerTransport} and starts the loop; the {@link KvNodeSimulation} builds three on
     * pretend disks, loops on manual clocks that it advances by hand, and a pretend network. So
     * nothing in here may start a thread, open a file or a socket, or read a clock: the loop's
     * timer ticks the core every {@code tick}, {@code random} draws its election timeouts, and
     * {@code wallMillis} stamps the entries it proposes as leader (expiry reads time from the log).
     */
    KvNode(int id, ClusterFile cluster, Storage data, EventLoop loop, Duration tick, Settings raft,
            RandomGenerator random, LongSupplier wallMillis) {
        throw new UnsupportedOperationException("Part 7: build the node over its ports");
    }

    /** Part 7: gives the node its way to its peers; until then it sends nothing and flushes nothing. */
    void connect(Peers peers) {
        throw new UnsupportedOperationException("Part 7: connect the node to its peers");
    }

    /** Part 7: the core's key ({@code RaftNode.key()}), read on the loop's thread: the simulator's checks read it. */
    NodeKey key() {
        throw new UnsupportedOperationException("Part 7: the core's key");
    }

    /** Part 7: messages from peers, from any thread: the loop takes them in its next batch. */
    void deliver(List<Message> burst) {
        throw new UnsupportedOperationException("Part 7: hand the messages to the loop");
    }

    /** Part 4: starts node {@code id} of {@code cluster} on the data in {@code dataDir}, with the default timing. */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir) throws IOException {
        throw new UnsupportedOperationException("Part 4: start a node with the default timing");
    }

    /** Part 4: starts a node whose cluster key is {@link #defaultKeyFile} of its data folder. */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir, Duration tick, Settings raft)
            throws IOException {
        throw new UnsupportedOperationException("Part 4: start with the default key file");
    }

    /**
     * Part 4: where a node keeps its cluster's key unless told otherwise: {@code cluster.key} in the
     * folder that holds its data folder, so the nodes of a local cluster share one.
     */
    public static Path defaultKeyFile(Path dataDir) {
        throw new UnsupportedOperationException("Part 4: the default key file");
    }

    /**
     * Part 4: starts a node and returns once it serves, reading the cluster's key first
     * ({@code ClusterKey.loadOrCreate(keyFile)}): opens and recovers its data folder
     * ({@link DataFolder#open}), builds the {@code RaftNode} on {@code new RaftLog(data.log())} and
     * the saved term/vote record, binds its peer and client ports (the addresses of {@code id} in
     * {@code cluster}), connects to its peers and starts its loop. A node that cannot start fails,
     * having released everything it took (the data folder's lock included), with a message that
     * says what to do (Part 6): a port in use is a {@link java.net.BindException} whose message
     * contains {@code is another node running?} (the reference: {@code cannot listen for clients on
     * 127.0.0.1:7001 (Address already in use): is another node running? Stop it, or choose other
     * ports with --config}); a folder in use is {@link DataFolder#open}'s {@code IOException}.
     */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir, Path keyFile, Duration tick, Settings raft)
            throws IOException {
        throw new UnsupportedOperationException("Part 4: open the data, bind the ports, start the loop");
    }

    /**
     * Part 4: starts a node as above whose client connections each go through a
     * {@code new ClientAuth(clientPassword)} (Redis's {@code requirepass}; null lets everyone in).
     */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir, Path keyFile, Duration tick, Settings raft,
            byte[] clientPassword) throws IOException {
        throw new UnsupportedOperationException("Part 4: start a node whose clients must AUTH");
    }

    /**
     * Part 6: starts a node as above that writes down what it does into {@code traceDir}, or
     * nothing if it is null ({@code ./raftkv node 1 --trace DIR}): a {@link NodeTrace} (given
     * whole) opened there with the node's wall clock, closed last by {@link #close()}. Its
     * {@code around(storage)} is the disk to give the driver, so that the log's appends and
     * truncations are written down; {@code send} each message the driver sends, {@code deliver}
     * each message in the loop, just before the core receives it (and {@code drop} a burst the
     * loop refuses); {@code look} at the node's state before and after the driver's work in each
     * batch, then {@code flush}; {@code request} each client command as it comes in and
     * {@code reply} its reply. {@code TracedClusterTest} merges the traces of three nodes.
     */
    static KvNode start(int id, ClusterFile cluster, Path dataDir, Path keyFile, Duration tick, Settings raft,
            byte[] clientPassword, Path traceDir) throws IOException {
        throw new UnsupportedOperationException("Part 6: start a node that writes its trace");
    }

    /** Part 4: this node's id. */
    public int id() {
        throw new UnsupportedOperationException("Part 4: the node's id");
    }

    /**
     * Part 4: the node's state after its last batch (role, term, leader, commit and applied index),
     * readable from any thread: the loop publishes {@code RaftNode.state()} after each batch.
     */
    public NodeState state() {
        throw new UnsupportedOperationException("Part 4: the state after the last batch");
    }

    /** Part 4: the cluster this node belongs to. */
    public ClusterFile cluster() {
        throw new UnsupportedOperationException("Part 4: the cluster");
    }

    /** Part 4: where this node serves clients. */
    public InetSocketAddress clientAddress() {
        throw new UnsupportedOperationException("Part 4: the client address");
    }

    /** Part 4: why the node stopped on its own (a disk failure), or null. */
    public Throwable failure() {
        throw new UnsupportedOperationException("Part 4: the failure that stopped the node");
    }

    /** Part 4: blocks until the node has been closed, by {@link #close()} or by a failure. */
    public void awaitStopped() throws InterruptedException {
        throw new UnsupportedOperationException("Part 4: wait until closed");
    }

    /** Part 4: waits at most {@code timeout} for the node to be closed; true if it was. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("Part 4: wait until closed, or the timeout");
    }

    /**
     * Part 4: stops serving: peers and clients are disconnected, waiting commands get the
     * shutting-down error, the loop ends and the data folder is closed (and unlocked). Closing
     * twice does nothing.
     */
    @Override
    public synchronized void close() {
        throw new UnsupportedOperationException("Part 4: stop everything, release the folder");
    }

    /** Part 4: {@code KvNode(<the state>)}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: the node and its state");
    }
}
