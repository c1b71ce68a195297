package rafting.sim.explore.raft;

import java.util.List;
import rafting.election.NodeKey;
import rafting.election.NodeState;
import rafting.election.Role;
import rafting.log.LogEntry;
import rafting.sim.Event;
import rafting.sim.explore.Explorer;

/**
 * What must hold in every state of a Raft cluster (Figure 3 of the paper), and on every event.
 * Each check reads a {@link ClusterState}: the servers as they are, and the history of leaders
 * and commits that no server keeps.
 */
public final class RaftInvariants {

    public static final String ELECTION_SAFETY = "Election Safety: at most one leader per term";
    public static final String LOG_MATCHING = "Log Matching";
    public static final String LEADER_COMPLETENESS = "Leader Completeness";
    public static final String STATE_MACHINE_SAFETY = "State Machine Safety";
    public static final String COMMIT_WITHIN_LOG = "commit index never beyond the log";
    public static final String TERMS_NEVER_GO_BACK = "a server's term never goes back";
    public static final String COMMIT_NEVER_GOES_BACK = "a running server's commit index never goes back";

    private RaftInvariants() {
    }

    /** {@code explorer} checking every invariant and step property below. */
    public static Explorer<ClusterState, Event> checking(Explorer<ClusterState, Event> explorer) {
        return explorer
                .invariant(ELECTION_SAFETY, RaftInvariants::electionSafety)
                .invariant(LOG_MATCHING, RaftInvariants::logMatching)
                .invariant(LEADER_COMPLETENESS, RaftInvariants::leaderCompleteness)
                .invariant(STATE_MACHINE_SAFETY, RaftInvariants::stateMachineSafety)
                .invariant(COMMIT_WITHIN_LOG, RaftInvariants::commitWithinLog)
                .stepProperty(TERMS_NEVER_GO_BACK, RaftInvariants::termsNeverGoBack)
                .stepProperty(COMMIT_NEVER_GOES_BACK, RaftInvariants::commitNeverGoesBack);
    }

    /** §5.2: every running leader is the first (and so the only) server that led its term. */
    public static boolean electionSafety(ClusterState state) {
        return state.ids().stream().filter(id -> isLeader(state, id)).allMatch(id -> {
            NodeState leader = state.node(id).state();
            return state.leaders().get(leader.term()) == id;
        });
    }

    /** §5.3: if two logs hold an entry with the same index and term, they are identical up to it. */
    public static boolean logMatching(ClusterState state) {
        List<Integer> ids = state.ids();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (!matchUpToLastCommonTerm(state.log(ids.get(i)), state.log(ids.get(j)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchUpToLastCommonTerm(List<LogEntry> a, List<LogEntry> b) {
        for (int index = Math.min(a.size(), b.size()); index >= 1; index--) {
            if (a.get(index - 1).term() == b.get(index - 1).term()) {
                return a.subList(0, index).equals(b.subList(0, index));
            }
        }
        return true;
    }

    /** §5.4: an entry committed in a term is in the log of every leader of a later term. */
    public static boolean leaderCompleteness(ClusterState state) {
        return state.ids().stream().filter(id -> isLeader(state, id)).allMatch(id -> {
            NodeKey leader = state.node(id);
            return state.committed().entrySet().stream()
                    .filter(c -> c.getValue().term() < leader.state().term())
                    .allMatch(c -> holds(leader.log(), c.getKey(), c.getValue().entry()));
        });
    }

    /**
     * §5.4.3: no two servers ever commit (and so apply) different entries at one index: what each
     * running server has committed is what was committed there first.
     */
    public static boolean stateMachineSafety(ClusterState state) {
        for (int id : state.ids()) {
            if (!state.isUp(id)) {
                continue;
            }
            NodeKey node = state.node(id);
            for (long index = 1; index <= Math.min(node.state().commitIndex(), node.log().size()); index++) {
                if (!holds(node.log(), index, state.committed().get(index).entry())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Figure 2: a running server commits only entries it holds, and applies only committed ones. */
    public static boolean commitWithinLog(ClusterState state) {
        return state.ids().stream().filter(state::isUp).map(id -> state.node(id).state())
                .allMatch(s -> s.commitIndex() <= s.lastLogIndex() && s.lastApplied() <= s.commitIndex());
    }

    /** §5.1: terms only grow, across crashes too (the term is durable). */
    public static boolean termsNeverGoBack(ClusterState before, Event event, ClusterState after) {
        return before.ids().stream().allMatch(id -> after.term(id) >= before.term(id));
    }

    /** A running server never forgets a commit; only a restart starts it again from 0. */
    public static boolean commitNeverGoesBack(ClusterState before, Event event, ClusterState after) {
        return before.ids().stream()
                .filter(id -> before.isUp(id) && after.isUp(id))
                .allMatch(id -> after.node(id).state().commitIndex() >= before.node(id).state().commitIndex());
    }

    private static boolean isLeader(ClusterState state, int id) {
        return state.isUp(id) && state.node(id).state().role() == Role.LEADER;
    }

    private static boolean holds(List<LogEntry> log, long index, LogEntry entry) {
        return index <= log.size() && log.get((int) index - 1).equals(entry);
    }
}
