package rafting.system;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import rafting.consensus.Applied;
import rafting.election.Settings;
import rafting.election.NodeKey;
import rafting.election.NodeState;
import rafting.election.Proposal;
import rafting.election.Driver;
import rafting.election.RaftNode;
import rafting.election.Role;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.events.EventLoop;
import rafting.kv.Bytes;
import rafting.kv.KvCommand;
import rafting.kv.Reply;
import rafting.kv.TcpServer;
import rafting.log.LogStorage;
import rafting.replication.Message;

/**
 * One node of the key-value cluster: the Raft core, its files, its peers and its clients, wired
 * together.
 *
 * <pre>
 *   client threads ──commands──┐                      ┌──> DataFolder: term-vote, log segments (1 fsync)
 *   peer threads ───messages───┼──> event loop thread ┤
 *   tick timer (10 ms) ────────┘    RaftNode, KvStore └──> then: PeerLinks (messages), client replies
 * </pre>
 *
 * One event-loop thread owns the {@link RaftNode} and the store; nothing else touches them. Each
 * batch of the loop feeds the core every input that was waiting, and then, once, in the loop's
 * after-batch hook, project 7's {@link Driver} does what the core asks over the
 * {@link DataFolder}: one {@code fsync} for the whole batch, and no vote, no acknowledgement of
 * entries and no reply before the state behind it is on disk. A failed write stops the node.
 *
 * <p>Clients: a command that writes goes through the log. A command that only reads is answered
 * by the leader at a read index (thesis §6.4: {@link RaftNode#readIndex}): once one round of
 * heartbeats, shared by every read waiting, has shown that it still leads, and once it has
 * applied every entry committed before the read came in. So every reply reflects all the writes
 * acknowledged before the read began (linearizable), with no log write and no fsync for a read.
 * (A read that could see a key expire which the log's time has not reached goes through the log,
 * which carries the leader's time to every replica.) Followers serve no reads. A node that is not
 * the leader answers
 * {@code -MOVED slot host:port} with the key's hash slot ({@link KeySlot}) and the leader's client
 * address, as {@code redis-cli -c} and Redis Cluster clients expect, or
 * {@code -CLUSTERDOWN} while no leader is known.
 *
 * <p>Ports: the node reaches the world only through its {@link Storage}, its {@link Peers}, its
 * {@link EventLoop} (with the loop's clock), a random source and a wall clock for stamps.
 * {@link #start} plugs in a {@link DataFolder}, a {@link PeerTransport}, a started loop and the
 * system's clocks; {@link KvNodeSimulation} plugs in a pretend disk and network and loops it
 * advances by hand, and so runs this very class through thousands of crashes and partitions.
 */
public final class KvNode implements Closeable {

    /**
     * 10 ms a tick: heartbeats every 50 ms, elections after 250 to 500 ms of silence. The paper's
     * 150 to 300 ms is enough on a quiet machine; on a busy one a single slow {@code fsync} on the
     * leader can last 100 ms, and a follower should not take that for a dead leader.
     */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(10);
    /**
     * A snapshot once the log since the last one holds 100,000 entries or 8 MiB of commands,
     * whichever comes first (§7), sent to a follower in chunks of 1 MiB (a peer frame holds 64).
     */
    public static final Settings.Snapshots DEFAULT_SNAPSHOTS = new Settings.Snapshots(100_000, 8L << 20, 1 << 20);
    public static final Settings DEFAULT_RAFT = Settings.defaults().withElectionTicks(25, 50).withHeartbeatTicks(5)
            .withMaxBatch(512).withSnapshots(DEFAULT_SNAPSHOTS);

    static final byte[] LOST = KvStateMachine.resp(Reply.error(
            "ERR lost: a new leader replaced this command's log entry before it committed; it did not take effect"));
    /** The start of the error a node gives a command whose entry a leader's snapshot covered: its outcome is unknown here. */
    static final String COVERED_BY_SNAPSHOT_ERROR = "ERR this node took the leader's snapshot";
    static final byte[] COVERED_BY_SNAPSHOT = KvStateMachine.resp(Reply.error(COVERED_BY_SNAPSHOT_ERROR
            + ", which covers the command's log entry: it may or may not have taken effect; retry it in its session"
            + " to get its reply"));
    static final byte[] STOPPING = KvStateMachine.resp(Reply.error(
            "ERR this node is shutting down; the command may or may not have taken effect"));
    private static final byte[] NO_LEADER = KvStateMachine.resp(Reply.error(
            "CLUSTERDOWN no leader elected yet; try again shortly"));
    /**
     * The client port takes 512 connections (well below a default limit of 1,024 file descriptors,
     * which the log, the peers and the JVM share) and closes one idle for 5 minutes.
     */
    static final TcpServer.Bounds CLIENT_BOUNDS = new TcpServer.Bounds(512, Duration.ofMinutes(5),
            KvStateMachine.resp(Reply.error("ERR max number of clients reached")));
    /** Events (pipelines of commands, bursts of peer messages) waiting for the loop, at most. */
    static final int QUEUE_CAPACITY = 10_000;
    private static final byte[] BUSY = KvStateMachine.resp(Reply.error(
            "BUSY this node has " + QUEUE_CAPACITY + " requests waiting; try again shortly"));
    /** The largest log entry: half a peer frame, so that an entry always fits in one AppendEntries. */
    static final int MAX_ENTRY_BYTES = PeerTransport.MAX_FRAME / 2;
    private static final byte[] TOO_LARGE = KvStateMachine.resp(Reply.error(
            "ERR command too large: at most " + (MAX_ENTRY_BYTES >> 20) + " MiB of arguments in one command"));
    private static final System.Logger LOG = System.getLogger(KvNode.class.getName());

    /** A command proposed by this node as leader, waiting for its entry to be applied. */
    private record Pending(long term, CompletableFuture<byte[]> reply) {
    }

    /**
     * A read taken by this node as leader, waiting for its round and its read index, and then
     * for the writes this node accepted before it ({@code after}, the last index of the log then):
     * a client that pipelines {@code SET x 1} and {@code GET x} reads its own write, as Redis
     * runs the commands of one connection in order.
     */
    private record PendingRead(KvCommand command, long after, CompletableFuture<byte[]> reply) {
    }

    /**
     * Where a node keeps its state: its {@link DataFolder}, or the simulator's disk. What it
     * recovered is read once, at the start; the node then changes it only through the driver.
     */
    interface Storage extends Driver.Disk, Closeable {
        /** The log as recovered. */
        LogStorage log();

        /** The term/vote record as recovered. */
        TermVote termVote();

        /** The snapshot as recovered ({@link Snapshot#NONE} if none). */
        Snapshot snapshot();
    }

    /** Where the node's messages go: its {@link PeerTransport}, or the simulator's network. */
    interface Peers {
        /** Queues {@code message} for its receiver; it may be lost, never garbled. */
        void send(Message message);

        /** Disconnects; nothing more is sent. */
        void close();
    }

    private final int id;
    private final ClusterFile cluster;
    private final Storage data;
    private final RaftNode node;
    private final Driver driver;
    private final EventLoop loop;
    private final KvStateMachine machine = new KvStateMachine();
    private final Map<Long, Pending> pending = new HashMap<>(); // owned by the loop thread
    private final Map<Long, PendingRead> reads = new HashMap<>(); // owned by the loop thread
    private final Deque<PendingRead> afterWrites = new ArrayDeque<>(); // confirmed; by growing `after`
    private long readIds; // owned by the loop thread
    private long applied; // owned by the loop thread
    private long lastTick = Long.MIN_VALUE / 2; // the loop's clock at the last tick given to the node
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final LongSupplier wallMillis;
    private final NodeTrace trace;
    private Peers transport;
    private TcpServer clients;
    private volatile NodeState state;
    private volatile Throwable failure;

    /**
     * A node over its ports, not yet connected: {@link #start} gives it its files, sockets and
     * threads; the simulator gives it a pretend disk and network and drives {@code loop} by hand.
     * {@code wallMillis} stamps the entries this node proposes as leader (expiry reads time from
     * the log, never from a replica's own clock).
     */
    KvNode(int id, ClusterFile cluster, Storage data, EventLoop loop, Duration tick, Settings raft,
            RandomGenerator random, LongSupplier wallMillis) {
        this(id, cluster, data, loop, tick, raft, random, wallMillis, NodeTrace.off());
    }

    /** The same node, writing down what it does in {@code trace} ({@code ./raftkv node --trace DIR}). */
    KvNode(int id, ClusterFile cluster, Storage data, EventLoop loop, Duration tick, Settings raft,
            RandomGenerator random, LongSupplier wallMillis, NodeTrace trace) {
        this.id = id;
        this.cluster = cluster;
        this.data = data;
        this.wallMillis = wallMillis;
        this.trace = trace;
        this.node = new RaftNode(id, cluster.membership(), raft, data.snapshot(), data.log(), data.termVote(), random);
        this.driver = new Driver(node, trace.around(data), machine, new Driver.Outbox() {
            @Override
            public void send(Message message) {
                trace.send(message);
                transport.send(message);
            }

            @Override
            public void applied(Applied applied) {
                reply(applied);
            }

            @Override
            public void restored(Snapshot snapshot) {
                KvNode.this.restored(snapshot.index());
            }

            @Override
            public void read(long readId, boolean answerable) {
                PendingRead read = reads.remove(readId);
                if (!answerable) {
                    read.reply.complete(notLeader(read.command.args(), node.leaderId()));
                } else if (read.after <= applied) {
                    read.reply.complete(machine.read(read.command));
                } else {
                    afterWrites.add(read);
                }
            }
        });
        this.state = node.state();
        trace.look(state);
        trace.flush();
        this.loop = loop.afterEachBatch(this::afterBatch).failStop(this::fail).withCapacity(QUEUE_CAPACITY);
        long period = tick.toNanos();
        loop.scheduleEvery(tick, () -> tickUnlessCatchingUp(loop.clock().nanos(), period));
    }

    /**
     * Ticks the node, unless this tick comes less than half a period after the last one: the loop
     * catching up on ticks it missed while it was busy (a snapshot, a slow fsync), which the node
     * skips as Go's tickers drop them. Otherwise a follower busy for 300 ms would count all of it as
     * silence from its leader, in one burst, before it reads the heartbeats that came meanwhile. A
     * slower clock only ever delays an election: it is safe.
     */
    private void tickUnlessCatchingUp(long now, long period) {
        if (now - lastTick < period / 2) {
            return;
        }
        lastTick = now;
        node.tick();
    }

    /** Gives the node its way to its peers; until then it sends nothing and flushes nothing. */
    void connect(Peers peers) {
        this.transport = peers;
    }

    /** Messages from peers, from any thread: the loop takes them in its next batch. */
    void deliver(List<Message> burst) {
        if (!loop.offer(() -> burst.forEach(message -> {
            trace.deliver(message); // here, in the loop: the order in which the core takes them
            node.receive(message);
        }))) {
            // The node is behind: Raft sends again what matters. (Bursts of this line are folded.)
            burst.forEach(message -> trace.drop(message, "n" + id + " is behind: its loop has " + QUEUE_CAPACITY + " events waiting"));
            LOG.log(WARNING, () -> "n" + id + " is behind: dropped " + burst.size() + " messages from n" + burst.get(0).from());
        }
    }

    /** Starts node {@code id} of {@code cluster} on the data in {@code dataDir}, with the default timing. */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir) throws IOException {
        return start(id, cluster, dataDir, DEFAULT_TICK, DEFAULT_RAFT);
    }

    /** Starts a node whose cluster key is {@link #defaultKeyFile} of its data folder. */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir, Duration tick, Settings raft)
            throws IOException {
        return start(id, cluster, dataDir, defaultKeyFile(dataDir), tick, raft);
    }

    /**
     * Where a node keeps its cluster's key unless told otherwise: {@code cluster.key} beside its
     * data folder, so the nodes of a local cluster ({@code data/node-1}, {@code data/node-2}, ...)
     * share {@code data/cluster.key}.
     */
    public static Path defaultKeyFile(Path dataDir) {
        return dataDir.toAbsolutePath().getParent().resolve("cluster.key");
    }

    /**
     * Starts a node: reads its cluster's key from {@code keyFile} (creating one if there is none),
     * opens and recovers its data folder, binds its peer and client ports, connects to its peers.
     * Fails, having released everything, with a message that says what to do.
     */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir, Path keyFile, Duration tick, Settings raft)
            throws IOException {
        return start(id, cluster, dataDir, keyFile, tick, raft, null);
    }

    /**
     * Starts a node as above whose clients must first {@code AUTH} with {@code clientPassword}
     * (Redis's {@code requirepass}); null lets every client in.
     */
    public static KvNode start(int id, ClusterFile cluster, Path dataDir, Path keyFile, Duration tick, Settings raft,
            byte[] clientPassword) throws IOException {
        return start(id, cluster, dataDir, keyFile, tick, raft, clientPassword, null);
    }

    /**
     * Starts a node as above that writes its trace into {@code traceDir} ({@link NodeTrace}:
     * {@code traceDir/node-<id>.jsonl}, added to), or none if {@code traceDir} is null.
     */
    static KvNode start(int id, ClusterFile cluster, Path dataDir, Path keyFile, Duration tick, Settings raft,
            byte[] clientPassword, Path traceDir) throws IOException {
        ClusterFile.Addresses addresses = cluster.addresses(id);
        ClusterKey key = ClusterKey.loadOrCreate(keyFile);
        DataFolder data = DataFolder.open(dataDir);
        LongSupplier wall = System::currentTimeMillis;
        NodeTrace trace;
        KvNode kv;
        try {
            trace = traceDir == null ? NodeTrace.off() : NodeTrace.open(traceDir, id, wall);
        } catch (IOException | RuntimeException e) {
            data.close();
            throw new IOException("cannot trace into " + traceDir + ": " + e.getMessage(), e);
        }
        try {
            kv = new KvNode(id, cluster, data, EventLoop.create("n" + id), tick, raft, new SplittableRandom(), wall, trace);
        } catch (RuntimeException e) {
            trace.close();
            data.close();
            throw e;
        }
        try {
            var peers = new TreeMap<Integer, InetSocketAddress>();
            cluster.nodes().forEach((peer, a) -> {
                if (peer != id) {
                    peers.put(peer, a.peer());
                }
            });
            kv.connect(PeerTransport.start(cluster.clusterId(), key, id, bind(addresses.peer(), "peer"), peers,
                    kv::deliver, trace));
            kv.clients = TcpServer.start("n" + id + "-clients", bind(addresses.client(), "client"),
                    socket -> new ClientSession(kv, socket, new ClientAuth(clientPassword)).serve(), CLIENT_BOUNDS);
            kv.loop.start();
        } catch (IOException | RuntimeException e) {
            kv.close();
            throw e;
        }
        LOG.log(INFO, () -> "n" + id + " serving clients on " + ClusterFile.hostPort(addresses.client())
                + ", peers on " + ClusterFile.hostPort(addresses.peer()) + ", data in " + dataDir
                + (data.snapshot().index() > 0 ? ", " + data.snapshot() : "") + ", log " + data.log().firstIndex() + ".."
                + data.log().lastIndex() + ", " + data.termVote());
        return kv;
    }

    private static InetSocketAddress bind(InetSocketAddress address, String what) throws BindException {
        try (var probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (IOException e) {
            throw new BindException("cannot listen for " + what + "s on " + ClusterFile.hostPort(address) + " ("
                    + e.getMessage() + "): is another node running? Stop it, or choose other ports with --config");
        }
        return address;
    }

    // ---------------------------------------------------------------- the loop

    /**
     * Hands {@code commands} to the core from any thread; each future completes with the command's
     * RESP reply. One post for a whole pipeline of commands: the loop takes them in one batch.
     */
    void submit(List<ClientRequest> commands, List<CompletableFuture<byte[]>> replies) {
        traceRequests(commands, replies);
        boolean posted = loop.offer(() -> {
            for (int i = 0; i < commands.size(); i++) {
                propose(commands.get(i), replies.get(i));
            }
        });
        if (!posted) {
            byte[] answer = failure != null || stopped.getCount() == 0 ? STOPPING : BUSY;
            replies.forEach(reply -> reply.complete(answer));
        }
    }

    /** In the trace, each request when it comes in, and its reply when it leaves: the picture of a linearizability checker. */
    private void traceRequests(List<ClientRequest> commands, List<CompletableFuture<byte[]>> replies) {
        int client = trace.client();
        if (client == 0) {
            return;
        }
        for (int i = 0; i < commands.size(); i++) {
            long request = trace.request(describe(commands.get(i)));
            replies.get(i).thenAccept(reply -> trace.reply(client, request, NodeTrace.shown(reply)));
        }
    }

    private static String describe(ClientRequest request) {
        if (request instanceof ClientRequest.InSession in) {
            return "SESSION " + in.session() + " " + in.seq() + " " + in.command();
        }
        return request.command() == null ? "SESSION OPEN" : request.command().toString();
    }

    private void propose(ClientRequest command, CompletableFuture<byte[]> reply) {
        if (failure != null) {
            reply.complete(STOPPING);
            return;
        }
        long now = wallMillis.getAsLong();
        if (command.isRead() && !machine.expiresBefore(now)) {
            read(command.command(), reply);
            return;
        }
        // The leader stamps the entry with its clock; replicas take time for expiry from the log.
        byte[] entry = KvStateMachine.encode(command, now);
        if (entry.length > MAX_ENTRY_BYTES) {
            reply.complete(TOO_LARGE);
            return;
        }
        Proposal proposal = node.propose(entry);
        if (proposal.accepted()) {
            Pending replaced = pending.put(proposal.index(), new Pending(proposal.term(), reply));
            if (replaced != null) {
                // We lead again and append at that index: the entry made there before is gone.
                replaced.reply.complete(LOST);
            }
        } else {
            reply.complete(notLeader(command.args(), proposal.leaderId()));
        }
    }

    /** A read-only command: the leader answers it at its read index, after one round of heartbeats. */
    private void read(KvCommand command, CompletableFuture<byte[]> reply) {
        long readId = ++readIds;
        Proposal proposal = node.readIndex(readId);
        if (proposal.accepted()) {
            reads.put(readId, new PendingRead(command, node.log().lastIndex(), reply));
        } else {
            reply.complete(notLeader(command.args(), proposal.leaderId()));
        }
    }

    /** {@code -MOVED} to {@code leader}, or {@code -CLUSTERDOWN} when no leader is known. */
    private byte[] notLeader(List<Bytes> args, int leader) {
        return leader == RaftNode.NONE ? NO_LEADER : moved(KeySlot.ofCommand(args), leader);
    }

    /** Group commit: runs once after every batch of inputs, on the loop's thread. */
    private void afterBatch() {
        if (failure != null || transport == null) {
            return; // stopped by a disk failure, or closed before it was fully started
        }
        trace.look(node.state()); // the roles this batch's inputs made, before the messages they send
        try {
            driver.flush(); // writes, one fsync, sends, applies: see Driver
        } catch (UncheckedIOException e) {
            fail(e);
            return;
        }
        state = node.state();
        trace.look(state);
        trace.flush();
        if (state.role() == Role.LEADER && !pending.isEmpty() && state.commitIndex() == state.lastLogIndex()) {
            forgetTruncatedProposals(state.lastLogIndex());
        }
        if (state.role() != Role.LEADER) {
            // Writes it waited for may now never reach their index here: the client asks the leader.
            afterWrites.forEach(read -> read.reply.complete(notLeader(read.command.args(), state.leaderId())));
            afterWrites.clear();
        }
    }

    /** Hands a client its command's result, once its entry is applied. */
    private void reply(Applied applied) {
        this.applied = applied.index();
        while (!afterWrites.isEmpty() && afterWrites.peek().after <= this.applied) {
            PendingRead read = afterWrites.poll();
            read.reply.complete(machine.read(read.command));
        }
        Pending waiting = pending.remove(applied.index());
        if (waiting != null) {
            // The command is committed only if the entry applied at its index is the one it made.
            // A leader that stepped down keeps waiting: as a follower it learns which entry the
            // new leader committed at that index, and the client gets a definite answer.
            waiting.reply.complete(applied.entry().term() == waiting.term ? applied.result() : LOST);
        }
    }

    /** The machine holds every entry up to {@code index} from a leader's snapshot: no result is known for those of this node's clients. */
    private void restored(long index) {
        applied = Math.max(applied, index);
        pending.entrySet().removeIf(waiting -> {
            boolean covered = waiting.getKey() <= index;
            if (covered) {
                waiting.getValue().reply.complete(COVERED_BY_SNAPSHOT);
            }
            return covered;
        });
        while (!afterWrites.isEmpty() && afterWrites.peek().after <= applied) {
            PendingRead read = afterWrites.poll();
            read.reply.complete(machine.read(read.command));
        }
    }

    /**
     * Proposals this node made in an earlier term as leader, at indexes past its log's end: a newer
     * leader cut them off before they committed. Now that this node leads again and has committed
     * its last entry, which is of its own term (§8: the no-op), every future leader's log holds that
     * entry (§5.4) and so not theirs (§5.3): they can never commit. Without this, their clients
     * would wait until new entries happened to reach those indexes.
     */
    private void forgetTruncatedProposals(long lastLogIndex) {
        pending.entrySet().removeIf(waiting -> {
            boolean cutOff = waiting.getKey() > lastLogIndex;
            if (cutOff) {
                waiting.getValue().reply.complete(LOST);
            }
            return cutOff;
        });
    }

    /**
     * The disk failed, or a handler threw (a bug, out of memory): nothing more may be promised.
     * The node stops; its process exits non-zero (see {@link RaftKv}).
     */
    private void fail(Throwable e) {
        failure = e;
        if (e instanceof UncheckedIOException) {
            LOG.log(ERROR, () -> "n" + id + " stops: its data can no longer be made durable: " + e.getMessage());
        } else {
            LOG.log(ERROR, "n" + id + " stops: its event loop failed", e);
        }
        stopWaiting();
        Thread closer = new Thread(this::close, "n" + id + "-stop");
        closer.start();
    }

    /** Every command and read still waiting gets {@link #STOPPING}. */
    private void stopWaiting() {
        pending.values().forEach(waiting -> waiting.reply.complete(STOPPING));
        pending.clear();
        reads.values().forEach(read -> read.reply.complete(STOPPING));
        reads.clear();
        afterWrites.forEach(read -> read.reply.complete(STOPPING));
        afterWrites.clear();
    }

    // ---------------------------------------------------------------- status

    public int id() {
        return id;
    }

    /** The core's key (state, log, progress): only on the loop's thread, which the simulator's own is. */
    NodeKey key() {
        return node.key();
    }

    /** The node's state after its last batch: role, term, leader, commit and applied index. */
    public NodeState state() {
        return state;
    }

    public ClusterFile cluster() {
        return cluster;
    }

    public InetSocketAddress clientAddress() {
        return cluster.addresses(id).client();
    }

    /** The reply to {@code INFO raft}: Redis's {@code field:value} lines. */
    String info() {
        NodeState s = state;
        String role = s.role() == Role.PRE_CANDIDATE ? "candidate" : s.role().toString();
        return "# Raft\r\n"
                + "node_id:" + s.id() + "\r\n"
                + "role:" + role + "\r\n"
                + "term:" + s.term() + "\r\n"
                + "leader_id:" + s.leaderId() + "\r\n"
                + "commit_index:" + s.commitIndex() + "\r\n"
                + "last_applied:" + s.lastApplied() + "\r\n"
                + "last_log_index:" + s.lastLogIndex() + "\r\n"
                + "voted_for:" + s.votedFor() + "\r\n"
                + "cluster:" + cluster.clusterId() + "\r\n"
                + "cluster_size:" + cluster.nodes().size() + "\r\n";
    }

    /** {@code -MOVED slot host:port}, as Redis Cluster clients expect: the key's slot, and where the leader serves. */
    private byte[] moved(int slot, int leader) {
        return KvStateMachine.resp(Reply.error("MOVED " + slot + " " + ClusterFile.hostPort(cluster.addresses(leader).client())));
    }

    /** Why the node stopped on its own (a disk failure), or null. */
    public Throwable failure() {
        return failure;
    }

    /** Blocks until the node has been closed. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Waits at most {@code timeout} for the node to be closed; true if it was. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Stops serving: peers and clients are disconnected, waiting commands get an error, files are closed. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        if (transport != null) {
            transport.close();
        }
        loop.close();
        // The loop has ended: its state is ours now.
        stopWaiting();
        if (clients != null) {
            clients.close();
        }
        try {
            data.close();
        } catch (IOException e) {
            LOG.log(ERROR, () -> "n" + id + ": closing " + data + ": " + e.getMessage());
        }
        trace.close();
        stopped.countDown();
        LOG.log(INFO, () -> "n" + id + " stopped");
    }

    @Override
    public String toString() {
        return "KvNode(" + state + ")";
    }
}
