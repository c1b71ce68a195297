package rafting.election;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import rafting.consensus.Applied;
import rafting.consensus.Membership;
import rafting.consensus.StateMachine;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.replication.Network;

/**
 * A whole cluster of {@link RaftNode}s in memory, on the {@link Network} of Project 5: for tests
 * and for jshell. After each input, each server's {@link Driver} does what the node asks.
 *
 * <p>Each server has a {@link MemoryDisk} that keeps only what was synced: {@link #crash(int)}
 * loses everything else and {@link #restart(int)} rebuilds the node from what is left, as a real
 * crash would. Everything is seeded: the same calls give the same run.
 */
public final class Cluster {

    private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);

    /** The state machine of every server: the commands it was given, in order, which is all a test compares. */
    private static final class Commands implements StateMachine {
        final List<String> applied = new ArrayList<>();

        @Override
        public byte[] apply(long index, byte[] command) {
            applied.add(new String(command, StandardCharsets.UTF_8));
            return OK;
        }

        @Override
        public byte[] snapshot() {
            return String.join("\n", applied).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void restore(byte[] snapshot) {
            applied.clear();
            String text = new String(snapshot, StandardCharsets.UTF_8);
            if (!text.isEmpty()) {
                applied.addAll(List.of(text.split("\n", -1)));
            }
        }
    }

    /** One server: its node and driver, whether it runs, its disk, and what it sent and applied in the current input. */
    private static final class Server implements Driver.Outbox {
        RaftNode node;
        Driver driver;
        boolean up = true;
        int incarnation;
        MemoryDisk disk = new MemoryDisk();
        Commands machine = new Commands();
        List<Applied> applied = new ArrayList<>();
        final List<Message> sent = new ArrayList<>();
        final Map<Long, Boolean> reads = new TreeMap<>();

        @Override
        public void send(Message message) {
            sent.add(message);
        }

        @Override
        public void applied(Applied entry) {
            applied.add(entry);
        }

        @Override
        public void read(long readId, boolean answerable) {
            reads.put(readId, answerable);
        }
    }

    private final Membership members;
    private final Settings settings;
    private final long seed;
    private final Network net;
    private final Map<Integer, Server> servers = new TreeMap<>();

    private Cluster(int size, Settings settings, long seed) {
        this.members = Membership.ofSize(size);
        this.settings = settings;
        this.seed = seed;
        this.net = Network.of(size);
        for (int id : members.members()) {
            var server = new Server();
            servers.put(id, server);
            start(id, server);
            net.attach(id, message -> server.up ? afterInput(server, () -> server.node.receive(message)) : List.of());
        }
    }

    /** Servers 1..{@code size} with the default {@link Settings}, their timeouts drawn from {@code seed}. */
    public static Cluster of(int size, long seed) {
        return of(size, Settings.defaults(), seed);
    }

    /** Servers 1..{@code size} configured by {@code settings}. */
    public static Cluster of(int size, Settings settings, long seed) {
        return new Cluster(size, settings, seed);
    }

    // ---------------------------------------------------------------- time and messages

    /** One tick for every running server; what they send goes in flight, undelivered. */
    public void tick() {
        servers.keySet().forEach(this::tick);
    }

    /** One tick for server {@code id} alone. */
    public void tick(int id) {
        Server server = servers.get(id);
        if (server.up) {
            net.send(afterInput(server, server.node::tick));
        }
    }

    /** Delivers every message, and every answer, until the network is quiet; returns how many. */
    public int deliverAll() {
        return net.deliverAll();
    }

    /** {@code ticks} rounds of: every server ticks, then every message is delivered. */
    public void run(int ticks) {
        for (int i = 0; i < ticks; i++) {
            tick();
            deliverAll();
        }
    }

    /** Runs until some server leads (at most {@code maxTicks}); returns it. */
    public RaftNode awaitLeader(int maxTicks) {
        for (int i = 0; i <= maxTicks; i++) {
            var leader = leader();
            if (leader.isPresent()) {
                return leader.get();
            }
            run(1);
        }
        throw new IllegalStateException("no leader after " + maxTicks + " ticks:\n" + this);
    }

    /**
     * Ticks server {@code id} alone until its election timeout elapses and it starts an election
     * (or a pre-vote), then delivers everything: a scripted "this server times out now".
     */
    public void timeout(int id) {
        RaftNode node = node(id);
        if (node.role() == Role.LEADER) {
            throw new IllegalStateException("n" + id + " leads: leaders have no election timeout");
        }
        long term = node.term();
        for (int i = 0; i <= settings.electionTicksMax() && node.role() == Role.FOLLOWER && node.term() == term; i++) {
            tick(id);
        }
        deliverAll();
    }

    /** Proposes {@code command} to server {@code id}; what the node sends goes in flight. */
    public Proposal propose(int id, String command) {
        return clientInput(id, node -> node.propose(command));
    }

    /** Asks server {@code id} for the read {@code readId} ({@link RaftNode#readIndex(long)}); its round goes in flight. */
    public Proposal read(int id, long readId) {
        return clientInput(id, node -> node.readIndex(readId));
    }

    /** A client's input to running server {@code id}, through its driver; what it sends goes in flight. */
    private Proposal clientInput(int id, Function<RaftNode, Proposal> input) {
        Server server = servers.get(id);
        if (!server.up) {
            throw new IllegalStateException("n" + id + " is down");
        }
        var proposal = new Proposal[1];
        net.send(afterInput(server, () -> proposal[0] = input.apply(server.node)));
        return proposal[0];
    }

    /**
     * How server {@code id}'s reads were settled so far: true for a read it may answer, false for
     * one it refused because it stopped leading. A read not settled yet is absent.
     */
    public Map<Long, Boolean> reads(int id) {
        return Map.copyOf(servers.get(id).reads);
    }

    // ---------------------------------------------------------------- crashes

    /** Stops server {@code id} at once: messages to and from it are lost, and so is all it did not sync. */
    public void crash(int id) {
        servers.get(id).up = false;
        servers.get(id).disk.crash();
        net.dropIf(message -> message.from() == id || message.to() == id);
    }

    /** Starts server {@code id} again from what its disk kept. */
    public void restart(int id) {
        Server server = servers.get(id);
        server.incarnation++;
        start(id, server);
        server.up = true;
    }

    /** Starts server {@code id} again as if its disk held {@code termVote} and {@code log}: to set up a scenario. */
    public void restart(int id, TermVote termVote, List<LogEntry> log) {
        servers.get(id).disk = new MemoryDisk(termVote, log);
        restart(id);
    }

    // ---------------------------------------------------------------- reading

    public RaftNode node(int id) {
        Server server = servers.get(id);
        if (server == null) {
            throw new IllegalArgumentException("no server " + id + " in " + members);
        }
        return server.node;
    }

    /** Server {@code id}'s disk: what it wrote, and what of that is synced. */
    public MemoryDisk disk(int id) {
        return servers.get(id).disk;
    }

    public boolean isUp(int id) {
        return servers.get(id).up;
    }

    /** The running server that leads at the highest term, if any. */
    public Optional<RaftNode> leader() {
        return servers.values().stream()
                .filter(server -> server.up && server.node.role() == Role.LEADER)
                .map(server -> server.node)
                .max((a, b) -> Long.compare(a.term(), b.term()));
    }

    /** What server {@code id}'s state machine was given since it last started, in order. */
    public List<Applied> applied(int id) {
        return List.copyOf(servers.get(id).applied);
    }

    /**
     * Every command in server {@code id}'s state machine, in the order applied: those it applied,
     * and those of the snapshots it was restored from. Servers that applied the same entries hold
     * the same list.
     */
    public List<String> state(int id) {
        return List.copyOf(servers.get(id).machine.applied);
    }

    public Network net() {
        return net;
    }

    public Membership members() {
        return members;
    }

    /** One line per server, then the messages in flight. */
    @Override
    public String toString() {
        var text = new StringBuilder();
        servers.forEach((id, server) -> text.append(server.node).append(server.up ? "" : " (down)")
                .append(" log=").append(server.node.log()).append('\n'));
        return text.append(net).toString();
    }

    // ---------------------------------------------------------------- the driver's contract

    private void start(int id, Server server) {
        server.applied = new ArrayList<>();
        server.reads.clear();
        var random = new SplittableRandom(seed * 1_000_003L + id * 7_919L + server.incarnation);
        server.machine = new Commands();
        server.node = new RaftNode(id, members, settings, server.disk.snapshot(), server.disk.durableStorage(),
                server.disk.durableTermVote(), random);
        server.driver = new Driver(server.node, server.disk, server.machine, server);
    }

    /** Runs one input and the driver; returns what the server sent. */
    private List<Message> afterInput(Server server, Runnable input) {
        input.run();
        server.driver.flush();
        var sent = List.copyOf(server.sent);
        server.sent.clear();
        return sent;
    }
}
