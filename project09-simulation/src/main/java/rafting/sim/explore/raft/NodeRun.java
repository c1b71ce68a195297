package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import rafting.consensus.Applied;
import rafting.consensus.Membership;
import rafting.election.Driver;
import rafting.election.MemoryDisk;
import rafting.election.NodeKey;
import rafting.election.RaftNode;
import rafting.election.Role;
import rafting.election.Settings;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.sim.Event;

/**
 * One server of an explored cluster, as an immutable value: what its disk holds and, while it
 * runs, its node, which is never changed once this value holds it. To take a server one event
 * further, the explorer copies the node ({@link RaftNode#copy}), gives the copy the event, and
 * keeps the copy in a new value; so every state of the exploration keeps its own nodes, and the
 * states that follow it can be tried in any order.
 *
 * <p>After every input, project 7's {@link Driver} does what the node asks, over a
 * {@link MemoryDisk}: the same driver as everywhere else. A crash keeps only what was synced.
 */
final class NodeRun {

    /** What every server of one exploration shares: the cluster and the nodes' settings. */
    record Setup(Membership members, Settings settings) {
    }

    /** A server one input further, and the messages that input made it send. */
    record Stepped(NodeRun run, List<Message> sent) {}

    private static final byte[] NO_RESULT = new byte[0];

    private final int id;
    private final RaftNode node; // null while the server is down; never changed
    private final TermVote durableTermVote;
    private final List<LogEntry> durableLog;
    private final NodeKey key;
    /** The canonical encodings of this server, one per renaming of the servers: see {@link CanonicalKey}. */
    String[] encodings;

    private NodeRun(int id, RaftNode node, TermVote durableTermVote, List<LogEntry> durableLog) {
        this.id = id;
        this.node = node;
        this.durableTermVote = durableTermVote;
        this.durableLog = durableLog;
        this.key = node == null ? null : node.key();
    }

    /** Server {@code id} that has never run: term 0, no vote, an empty log. */
    static NodeRun fresh(int id, Setup setup) {
        return started(id, TermVote.INITIAL, List.of(), setup);
    }

    /** The server after a crash: nothing runs; the disk keeps what was synced. */
    NodeRun crash() {
        return new NodeRun(id, null, durableTermVote, durableLog);
    }

    /** The server started again from its disk: a new node, with a commit index of 0. */
    NodeRun restart(Setup setup) {
        return started(id, durableTermVote, durableLog, setup);
    }

    private static NodeRun started(int id, TermVote termVote, List<LogEntry> log, Setup setup) {
        var disk = new MemoryDisk(termVote, log);
        var node = new RaftNode(id, setup.members(), setup.settings(), disk.durableStorage(), termVote, random(id));
        return new NodeRun(id, node, termVote, log);
    }

    /** Timeouts are fixed (electionTicksMin == electionTicksMax), so the seed decides nothing. */
    private static SplittableRandom random(int id) {
        return new SplittableRandom(id);
    }

    /**
     * This server after one more input ({@link Event.Fire}, {@link Event.Propose} or
     * {@link Event.Deliver}), or null if the input cannot happen now (a proposal needs a leader).
     */
    Stepped step(Event input, Setup setup) {
        if (node == null) {
            throw new IllegalStateException("n" + id + " is down: " + input + " cannot happen");
        }
        RaftNode next = node.copy(random(id));
        // The page cache holds what the node wrote; only the platter is this server's to keep.
        var disk = new MemoryDisk(durableTermVote, durableLog);
        disk.save(next.termVote());
        disk.write(1, next.log().entries());
        var sent = new ArrayList<Message>();
        var driver = new Driver(next, disk, (index, command) -> NO_RESULT, new Driver.Outbox() {
            @Override
            public void send(Message message) {
                sent.add(message);
            }

            @Override
            public void applied(Applied applied) {
                // The explorer checks logs and states, not results.
            }

            @Override
            public void read(long readId, boolean answerable) {
                throw new IllegalStateException("the explorer takes no reads: " + readId);
            }
        });
        if (!feed(next, driver, input)) {
            return null;
        }
        List<LogEntry> durable = disk.durableLog();
        List<LogEntry> log = durable.equals(durableLog) ? durableLog : List.copyOf(durable);
        return new Stepped(new NodeRun(id, next, disk.durableTermVote(), log), List.copyOf(sent));
    }

    /** Gives the node one input, and its driver does what it asks; false if the input cannot happen. */
    private static boolean feed(RaftNode node, Driver driver, Event input) {
        if (input instanceof Event.Fire) {
            for (int tick = Event.Fire.ticksUntilDue(node); tick > 0; tick--) {
                node.tick();
            }
        } else if (input instanceof Event.Propose propose) {
            if (node.role() != Role.LEADER) {
                return false;
            }
            node.propose(propose.command());
        } else if (input instanceof Event.Deliver deliver) {
            node.receive(deliver.message());
        } else {
            throw new IllegalArgumentException("not an input of a node: " + input);
        }
        driver.flush();
        return true;
    }

    int id() {
        return id;
    }

    boolean isUp() {
        return node != null;
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
        return node != null ? key.log() : durableLog;
    }

    /** The term as the server has it: the node's while it runs, the disk's while it is down. */
    long term() {
        return node != null ? key.state().term() : durableTermVote.term();
    }
}
