package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import rafting.election.NodeKey;
import rafting.election.NodeState;
import rafting.election.RaftNode;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.sim.ClusterView;
import rafting.sim.RaftInvariants;

/**
 * One state of an explored cluster, immutable: every server ({@link NodeRun}), the messages in
 * flight (a multiset, kept sorted), and what the checks need to remember of the past: the leader
 * of each term so far and every entry ever known committed, with the term in which it was (the
 * histories of a {@link ClusterView}, which the checks of {@link RaftInvariants} read).
 */
public final class ClusterState implements ClusterView {

    private final List<NodeRun> servers;
    private final List<Message> inFlight;
    private final SortedMap<Long, Integer> leaders;
    private final SortedMap<Long, Committed> committed;
    private final int proposals;
    private final int crashes;
    private final int duplicates;

    ClusterState(List<NodeRun> servers, List<Message> inFlight, SortedMap<Long, Integer> leaders,
            SortedMap<Long, Committed> committed, int proposals, int crashes) {
        this(servers, inFlight, leaders, committed, proposals, crashes, 0);
    }

    private ClusterState(List<NodeRun> servers, List<Message> inFlight, SortedMap<Long, Integer> leaders,
            SortedMap<Long, Committed> committed, int proposals, int crashes, int duplicates) {
        this.servers = List.copyOf(servers);
        this.inFlight = List.copyOf(inFlight);
        this.leaders = Collections.unmodifiableSortedMap(leaders);
        this.committed = Collections.unmodifiableSortedMap(committed);
        this.proposals = proposals;
        this.crashes = crashes;
        this.duplicates = duplicates;
    }

    static ClusterState initial(NodeRun.Setup setup) {
        var servers = new ArrayList<NodeRun>();
        for (int id : setup.members().members()) {
            servers.add(NodeRun.fresh(id, setup));
        }
        return new ClusterState(servers, List.of(), new TreeMap<>(), new TreeMap<>(), 0, 0);
    }

    /**
     * This state with server {@code run} replaced and {@code inFlight} as the messages in flight,
     * less those to a server that is down (it receives nothing). The history learns from the
     * server's new state: a leader of its term, entries committed.
     */
    ClusterState with(NodeRun run, List<Message> inFlight, int proposals, int crashes) {
        var next = new ArrayList<>(servers);
        next.set(run.id() - 1, run);
        List<Message> reachable = CanonicalKey.sorted(inFlight.stream().filter(m -> next.get(m.to() - 1).isUp()).toList());
        var leaders = new TreeMap<>(this.leaders);
        var committed = new TreeMap<>(this.committed);
        if (run.isUp()) {
            ClusterView.learn(run.key(), leaders, committed);
        }
        return new ClusterState(next, reachable, leaders, committed, proposals, crashes, duplicates);
    }

    /** This state with a second copy of {@code message} in flight, which the network made: one more duplicate. */
    ClusterState withDuplicate(Message message) {
        if (!inFlight.contains(message)) {
            throw new IllegalArgumentException("not in flight: " + message);
        }
        var more = new ArrayList<>(inFlight);
        more.add(message);
        return new ClusterState(servers, CanonicalKey.sorted(more), leaders, committed, proposals, crashes, duplicates + 1);
    }

    /** The servers' ids, 1..n. */
    @Override
    public List<Integer> ids() {
        return servers.stream().map(NodeRun::id).toList();
    }

    @Override
    public boolean isUp(int id) {
        return server(id).isUp();
    }

    /** Everything that decides running server {@code id}'s next reactions (its role, term, log, ...). */
    @Override
    public NodeKey node(int id) {
        NodeRun run = server(id);
        if (!run.isUp()) {
            throw new IllegalStateException("n" + id + " is down");
        }
        return run.key();
    }

    /** Server {@code id}'s log: the running node's, or what its disk kept while it is down. */
    @Override
    public List<LogEntry> log(int id) {
        return server(id).log();
    }

    /** Server {@code id}'s current term: the running node's, or its disk's while it is down. */
    @Override
    public long term(int id) {
        return server(id).term();
    }

    /** What server {@code id} synced: what a crash would leave of its term and vote. */
    public TermVote durableTermVote(int id) {
        return server(id).durableTermVote();
    }

    /** What server {@code id} synced: what a crash would leave of its log. */
    public List<LogEntry> durableLog(int id) {
        return server(id).durableLog();
    }

    /** The messages in flight, each copy once, in a canonical order. */
    public List<Message> inFlight() {
        return inFlight;
    }

    /** The leader of each term so far: the first server that led it. */
    @Override
    public SortedMap<Long, Integer> leaders() {
        return leaders;
    }

    /** Every index ever known committed, with the entry committed there first. */
    @Override
    public SortedMap<Long, Committed> committed() {
        return committed;
    }

    /** Client proposals so far. */
    public int proposals() {
        return proposals;
    }

    /** Crashes so far. */
    public int crashes() {
        return crashes;
    }

    /** Messages the network duplicated so far. */
    public int duplicates() {
        return duplicates;
    }

    NodeRun server(int id) {
        if (id < 1 || id > servers.size()) {
            throw new IllegalArgumentException("no server " + id + " among " + ids());
        }
        return servers.get(id - 1);
    }

    List<NodeRun> servers() {
        return servers;
    }

    /**
     * Server {@code id} in a few words: {@code n1 leader t=3 vote=1 commit=1 log=[1:no-op, 3:no-op]},
     * or {@code n3 down, disk: t=2 vote=2 log=[2:no-op]}.
     */
    public String describe(int id) {
        NodeRun run = server(id);
        if (!run.isUp()) {
            return "n" + id + " down, disk: " + run.durableTermVote() + " log=" + run.durableLog();
        }
        NodeState state = run.key().state();
        return "n" + id + " " + state.role() + " t=" + state.term()
                + " vote=" + (state.votedFor() == RaftNode.NONE ? "-" : state.votedFor())
                + " commit=" + state.commitIndex() + " log=" + run.key().log();
    }

    /** Every server, then how many messages are in flight, on one line. */
    @Override
    public String toString() {
        return ids().stream().map(this::describe).collect(Collectors.joining(" | "))
                + " | " + inFlight.size() + " in flight";
    }
}
