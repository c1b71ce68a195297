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
import rafting.election.Role;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.replication.Message;
import rafting.sim.ClusterView;

/**
 * One state of an explored cluster, immutable: every server ({@link NodeRun}), the messages in
 * flight (a multiset, kept sorted), and what the checks need to remember of the past: the leader
 * of each term so far and every entry ever known committed, with the term in which it was (the
 * histories of a {@link ClusterView}, which the checks of {@code RaftInvariants} read; learn them
 * with {@code ClusterView.learn}).
 */
public final class ClusterState implements ClusterView {

    ClusterState(List<NodeRun> servers, List<Message> inFlight, SortedMap<Long, Integer> leaders,
            SortedMap<Long, Committed> committed, int proposals, int crashes) {
        throw new UnsupportedOperationException("Part 4: write ClusterState");
    }

    static ClusterState initial(NodeRun.Setup setup) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.initial");
    }

    /**
     * This state with server {@code run} replaced and {@code inFlight} as the messages in flight,
     * less those to a server that is down (it receives nothing). The history learns from the
     * server's new state: a leader of its term, entries committed.
     */
    ClusterState with(NodeRun run, List<Message> inFlight, int proposals, int crashes) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.with");
    }

    /** The servers' ids, 1..n. */
    public List<Integer> ids() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.ids");
    }

    public boolean isUp(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.isUp");
    }

    /** Everything that decides running server {@code id}'s next reactions (its role, term, log, ...). */
    public NodeKey node(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.node");
    }

    /** Server {@code id}'s log: the running node's, or what its disk kept while it is down. */
    public List<LogEntry> log(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.log");
    }

    /** Server {@code id}'s current term: the running node's, or its disk's while it is down. */
    public long term(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.term");
    }

    /** What server {@code id} synced: what a crash would leave of its term and vote. */
    public TermVote durableTermVote(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.durableTermVote");
    }

    /** What server {@code id} synced: what a crash would leave of its log. */
    public List<LogEntry> durableLog(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.durableLog");
    }

    /** The messages in flight, each copy once, in a canonical order. */
    public List<Message> inFlight() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.inFlight");
    }

    /** The leader of each term so far: the first server that led it. */
    public SortedMap<Long, Integer> leaders() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.leaders");
    }

    /** Every index ever known committed, with the entry committed there first. */
    public SortedMap<Long, Committed> committed() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.committed");
    }

    /** Client proposals so far. */
    public int proposals() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.proposals");
    }

    /** Crashes so far. */
    public int crashes() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.crashes");
    }

    /** Messages the network duplicated so far ({@link Event.Duplicate}, within {@link Bounds#maxDuplicates()}). */
    public int duplicates() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.duplicates");
    }

    NodeRun server(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.server");
    }

    List<NodeRun> servers() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.servers");
    }

    /**
     * Server {@code id} in a few words: {@code n1 leader t=3 vote=1 commit=1 log=[1:no-op, 3:no-op]},
     * or {@code n3 down, disk: t=2 vote=2 log=[2:no-op]}.
     */
    public String describe(int id) {
        throw new UnsupportedOperationException("Part 4: write ClusterState.describe");
    }

    /** Every server, then how many messages are in flight, on one line. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: write ClusterState.toString");
    }
}
