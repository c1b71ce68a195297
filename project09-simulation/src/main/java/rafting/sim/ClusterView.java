package rafting.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import rafting.election.NodeKey;
import rafting.election.NodeState;
import rafting.election.Role;
import rafting.log.LogEntry;

/**
 * A cluster as the safety checks ({@link RaftInvariants}) read it: its servers as they are now,
 * and two histories that no server keeps (TLA+ would call them history variables), since a crash
 * wipes a leader's commit index while "at most one leader per term" and Leader Completeness speak
 * about the whole run: the first leader of each term, and every index ever committed with the
 * entry committed there first. Each state of the explorer is a view; a driver that takes one
 * cluster through time keeps the histories itself, with {@link #learn}.
 */
public interface ClusterView {

    /** An entry known committed: which one, and the term of the server that first committed it. */
    record Committed(LogEntry entry, long term) {
        @Override
        public String toString() {
            return entry + " (committed at term " + term + ")";
        }
    }

    /**
     * A cluster at one moment, for a driver that takes one cluster through time: server {@code i}
     * is at position {@code i - 1} of each list; a server that is down has no key, the log and term
     * its disk kept, and each restart starts a new life. The histories are copies, so a snapshot
     * never changes.
     */
    record Snapshot(List<NodeKey> keys, List<List<LogEntry>> logs, List<Long> terms, List<Integer> lives,
            SortedMap<Long, Integer> leaders, SortedMap<Long, Committed> committed) implements ClusterView {

        public Snapshot {
            keys = Collections.unmodifiableList(new ArrayList<>(keys)); // null for a server that is down
            logs = List.copyOf(logs);
            terms = List.copyOf(terms);
            lives = List.copyOf(lives);
            leaders = Collections.unmodifiableSortedMap(new TreeMap<>(leaders));
            committed = Collections.unmodifiableSortedMap(new TreeMap<>(committed));
        }

        @Override
        public List<Integer> ids() {
            return IntStream.rangeClosed(1, keys.size()).boxed().toList();
        }

        @Override
        public boolean isUp(int id) {
            return keys.get(id - 1) != null;
        }

        @Override
        public NodeKey node(int id) {
            return keys.get(id - 1);
        }

        @Override
        public List<LogEntry> log(int id) {
            return logs.get(id - 1);
        }

        @Override
        public long term(int id) {
            return terms.get(id - 1);
        }

        /**
         * This snapshot as the step properties must see it before {@code later}: a server that has
         * restarted in between shows as down, since what it had was another life's.
         */
        public Snapshot beforeLivesOf(Snapshot later) {
            var sameLife = new ArrayList<>(keys);
            for (int i = 0; i < keys.size(); i++) {
                if (!lives.get(i).equals(later.lives.get(i))) {
                    sameLife.set(i, null);
                }
            }
            return new Snapshot(sameLife, logs, terms, lives, leaders, committed);
        }
    }

    /** The servers' ids, 1..n. */
    List<Integer> ids();

    boolean isUp(int id);

    /** Everything that decides running server {@code id}'s next reactions (its role, term, log, ...). */
    NodeKey node(int id);

    /** Server {@code id}'s log: the running node's, or what its disk kept while it is down. */
    List<LogEntry> log(int id);

    /** Server {@code id}'s current term: the running node's, or its disk's while it is down. */
    long term(int id);

    /** The leader of each term so far: the first server that led it. */
    SortedMap<Long, Integer> leaders();

    /** Every index ever known committed, with the entry committed there first. */
    SortedMap<Long, Committed> committed();

    /**
     * What the histories learn from running server {@code node}: that it leads its term (a second
     * leader of a term is for the checks to see), and the entries it has committed.
     */
    static void learn(NodeKey node, SortedMap<Long, Integer> leaders, SortedMap<Long, Committed> committed) {
        NodeState state = node.state();
        if (state.role() == Role.LEADER) {
            leaders.putIfAbsent(state.term(), state.id());
        }
        List<LogEntry> log = node.log();
        // The committed indexes are 1..n without a gap: only those after n are news.
        for (long index = committed.size() + 1; index <= Math.min(state.commitIndex(), log.size()); index++) {
            committed.put(index, new Committed(log.get((int) index - 1), state.term()));
        }
    }
}
