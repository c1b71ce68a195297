package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import rafting.consensus.Applied;
import rafting.consensus.Membership;
import rafting.election.Settings;
import rafting.election.NodeKey;
import rafting.election.Driver;
import rafting.election.MemoryDisk;
import rafting.election.Role;
import rafting.election.RaftNode;
import rafting.election.TermVote;
import rafting.log.LogEntry;
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
 * <p>After every input, project 7's {@link Driver} does what the node asks, over a
 * {@link MemoryDisk}: the same driver as everywhere else. A crash keeps only what was synced.
 */
final class NodeRun {

    /** How to build a node: start it from {@code termVote} and {@code log}, then give it {@code inputs}. */
    record Recipe(TermVote termVote, List<LogEntry> log, List<RaftEvent> inputs) {

        /** This recipe with one more input. */
        Recipe and(RaftEvent input) {
            var more = new ArrayList<RaftEvent>(inputs.size() + 1);
            more.addAll(inputs);
            more.add(input);
            return new Recipe(termVote, log, List.copyOf(more));
        }
    }

    /** What every server of one exploration shares: the cluster, the nodes' settings, and the recipes found. */
    static final class Setup {
        private final Membership members;
        private final Settings settings;
        private final Map<NodeKey, Recipe> recipes = new HashMap<>();

        Setup(Membership members, Settings settings) {
            this.members = members;
            this.settings = settings;
        }

        Membership members() {
            return members;
        }

        Settings settings() {
            return settings;
        }

        /** The first recipe found for a node with this key: {@code recipe}, unless another came first. */
        Recipe shortest(NodeKey key, Recipe recipe) {
            Recipe known = recipes.putIfAbsent(key, recipe);
            return known == null ? recipe : known;
        }
    }

    /** A server one input further, and the messages that input made it send. */
    record Stepped(NodeRun run, List<Message> sent) {}

    private static final byte[] NO_RESULT = new byte[0];

    private final int id;
    private final boolean up;
    private final Recipe recipe;
    private final TermVote durableTermVote;
    private final List<LogEntry> durableLog;
    private final NodeKey key;
    /** The canonical encodings of this server, one per renaming of the servers: see {@link CanonicalKey}. */
    String[] encodings;

    private NodeRun(int id, boolean up, Recipe recipe, TermVote durableTermVote, List<LogEntry> durableLog, NodeKey key) {
        this.id = id;
        this.up = up;
        this.recipe = recipe;
        this.durableTermVote = durableTermVote;
        this.durableLog = durableLog;
        this.key = key;
    }

    /** Server {@code id} that has never run: term 0, no vote, an empty log. */
    static NodeRun fresh(int id, Setup setup) {
        return started(id, TermVote.INITIAL, List.of(), setup);
    }

    /** The server after a crash: nothing runs; the disk keeps what was synced. */
    NodeRun crash() {
        return new NodeRun(id, false, null, durableTermVote, durableLog, null);
    }

    /** The server started again from its disk: a new node, with a commit index of 0. */
    NodeRun restart(Setup setup) {
        return started(id, durableTermVote, durableLog, setup);
    }

    private static NodeRun started(int id, TermVote termVote, List<LogEntry> log, Setup setup) {
        var recipe = new Recipe(termVote, log, List.of());
        NodeKey key = build(id, recipe, setup).node().key();
        return new NodeRun(id, true, setup.shortest(key, recipe), termVote, log, key);
    }

    /**
     * This server after one more input ({@link RaftEvent.Timeout}, {@link RaftEvent.Heartbeat},
     * {@link RaftEvent.Propose} or {@link RaftEvent.Deliver}), or null if the input cannot happen
     * now (a leader does not time out; a follower sends no heartbeats; a proposal needs a leader).
     */
    Stepped step(RaftEvent input, Setup setup) {
        if (!up) {
            throw new IllegalStateException("n" + id + " is down: " + input + " cannot happen");
        }
        Built built = build(id, recipe, setup);
        // From here on the driver writes to this server's disk, and what it sends is kept. Its page
        // cache holds what the node wrote; only the platter is this server's to keep.
        built.sink.disk = new MemoryDisk(durableTermVote, durableLog);
        built.sink.disk.save(built.node.termVote());
        built.sink.disk.write(1, built.node.log().entries());
        built.sink.sent.clear();
        if (!feed(built, input, setup.settings())) {
            return null;
        }
        List<LogEntry> durable = built.sink.disk.durableLog();
        List<LogEntry> log = durable.equals(durableLog) ? durableLog : List.copyOf(durable);
        NodeKey key = built.node.key();
        var next = new NodeRun(id, true, setup.shortest(key, recipe.and(input)), built.sink.disk.durableTermVote(), log, key);
        return new Stepped(next, List.copyOf(built.sink.sent));
    }

    /** Where a rebuilt node's driver writes and sends: a disk that the step can swap, and a list. */
    private static final class Sink implements Driver.Disk, Driver.Outbox {
        MemoryDisk disk;
        final List<Message> sent = new ArrayList<>();

        @Override
        public void save(TermVote termVote) {
            disk.save(termVote);
        }

        @Override
        public void write(long from, List<LogEntry> entries) {
            disk.write(from, entries);
        }

        @Override
        public void sync() {
            disk.sync();
        }

        @Override
        public void send(Message message) {
            sent.add(message);
        }

        @Override
        public void applied(Applied applied) {
            // The explorer checks logs and states, not results.
        }
    }

    /** A node rebuilt from a recipe, with its driver. */
    private record Built(RaftNode node, Driver driver, Sink sink) {}

    /** A node made by following {@code recipe}: started from its disk, then given its inputs as the first time. */
    private static Built build(int id, Recipe recipe, Setup setup) {
        var sink = new Sink();
        sink.disk = new MemoryDisk(recipe.termVote(), recipe.log());
        // Timeouts are fixed (electionTicksMin == electionTicksMax), so the seed decides nothing.
        var node = new RaftNode(id, setup.members(), setup.settings(), sink.disk.durableStorage(), recipe.termVote(),
                new SplittableRandom(id));
        var built = new Built(node, new Driver(node, sink, (index, command) -> NO_RESULT, sink), sink);
        for (RaftEvent input : recipe.inputs()) {
            feed(built, input, setup.settings());
        }
        return built;
    }

    /** Gives the node one input, and its driver does what it asks; false if the input cannot happen. */
    private static boolean feed(Built built, RaftEvent input, Settings settings) {
        RaftNode node = built.node;
        List<Message> sent = built.sink.sent;
        if (input instanceof RaftEvent.Timeout) {
            if (node.role() == Role.LEADER) {
                return false;
            }
            for (int tick = 0; tick <= settings.electionTicksMax(); tick++) {
                int before = sent.size();
                node.tick();
                built.driver.flush();
                if (sent.subList(before, sent.size()).stream().anyMatch(m -> m instanceof RequestVote)) {
                    return true;
                }
            }
            throw new IllegalStateException("n" + node.id() + " did not start an election in "
                    + settings.electionTicksMax() + " ticks");
        }
        if (input instanceof RaftEvent.Heartbeat) {
            if (node.role() != Role.LEADER) {
                return false;
            }
            // Tick until the heartbeats leave (or, with check-quorum, the leader steps down).
            for (int tick = 0; tick < settings.electionTicksMax() && node.role() == Role.LEADER; tick++) {
                int before = sent.size();
                node.tick();
                built.driver.flush();
                if (sent.size() > before) {
                    break;
                }
            }
            return true;
        }
        if (input instanceof RaftEvent.Propose propose) {
            if (node.role() != Role.LEADER) {
                return false;
            }
            node.propose(propose.command());
            built.driver.flush();
            return true;
        }
        if (input instanceof RaftEvent.Deliver deliver) {
            node.receive(deliver.message());
            built.driver.flush();
            return true;
        }
        throw new IllegalArgumentException("not an input of a node: " + input);
    }

    int id() {
        return id;
    }

    boolean isUp() {
        return up;
    }

    /** Everything that decides the running node's next reactions; null while the server is down. */
    NodeKey key() {
        return key;
    }

    TermVote durableTermVote() {
        return durableTermVote;
    }

    List<LogEntry> durableLog() {
        return durableLog;
    }

    /** The log as the server has it: the node's while it runs, the disk's while it is down. */
    List<LogEntry> log() {
        return up ? key.log() : durableLog;
    }

    /** The term as the server has it: the node's while it runs, the disk's while it is down. */
    long term() {
        return up ? key.state().term() : durableTermVote.term();
    }
}
