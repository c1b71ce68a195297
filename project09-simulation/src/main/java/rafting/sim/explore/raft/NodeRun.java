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
        NodeKey key = build(id, recipe, setup).key();
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
        RaftNode node = build(id, recipe, setup);
        var disk = new Object() {
            TermVote written = durableTermVote;
            TermVote durable = durableTermVote;
            List<LogEntry> log = durableLog;
        };
        var sent = new ArrayList<Message>();
        boolean happened = feed(node, input, setup.settings(), ready -> {
            // The driver's contract: write, sync if told, and only then send.
            if (ready.termVote() != null) {
                disk.written = ready.termVote();
            }
            if (ready.mustSync()) {
                disk.durable = disk.written;
                disk.log = node.log().entries();
            }
            sent.addAll(ready.messages());
        });
        if (!happened) {
            return null;
        }
        List<LogEntry> log = disk.log.equals(durableLog) ? durableLog : List.copyOf(disk.log);
        NodeKey key = node.key();
        var next = new NodeRun(id, true, setup.shortest(key, recipe.and(input)), disk.durable, log, key);
        return new Stepped(next, List.copyOf(sent));
    }

    /** A node made by following {@code recipe}: started from its disk, then given its inputs as the first time. */
    private static RaftNode build(int id, Recipe recipe, Setup setup) {
        var storage = new MemoryLogStorage();
        storage.append(recipe.log());
        // Timeouts are fixed (electionTicksMin == electionTicksMax), so the seed decides nothing.
        var node = new RaftNode(id, setup.members(), setup.settings(), new RaftLog(storage), recipe.termVote(),
                (index, command) -> NO_RESULT, new SplittableRandom(id));
        for (RaftEvent input : recipe.inputs()) {
            feed(node, input, setup.settings(), ready -> { });
        }
        return node;
    }

    /** Gives {@code node} one input, handing every {@link Ready} to {@code driver}; false if the input cannot happen. */
    private static boolean feed(RaftNode node, RaftEvent input, Settings settings, Consumer<Ready> driver) {
        if (input instanceof RaftEvent.Timeout) {
            if (node.role() == Role.LEADER) {
                return false;
            }
            for (int tick = 0; tick <= settings.electionTicksMax(); tick++) {
                node.tick();
                Ready ready = node.ready();
                driver.accept(ready);
                if (ready.messages().stream().anyMatch(m -> m instanceof RequestVote)) {
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
                node.tick();
                Ready ready = node.ready();
                driver.accept(ready);
                if (!ready.messages().isEmpty()) {
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
            driver.accept(node.ready());
            return true;
        }
        if (input instanceof RaftEvent.Deliver deliver) {
            node.receive(deliver.message());
            driver.accept(node.ready());
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
