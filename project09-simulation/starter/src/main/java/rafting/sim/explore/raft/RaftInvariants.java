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
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.checking");
    }

    /** §5.2: every running leader is the first (and so the only) server that led its term. */
    public static boolean electionSafety(ClusterState state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.electionSafety");
    }

    /** §5.3: if two logs hold an entry with the same index and term, they are identical up to it. */
    public static boolean logMatching(ClusterState state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.logMatching");
    }

    /** §5.4: an entry committed in a term is in the log of every leader of a later term. */
    public static boolean leaderCompleteness(ClusterState state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.leaderCompleteness");
    }

    /**
     * §5.4.3: no two servers ever commit (and so apply) different entries at one index: what each
     * running server has committed is what was committed there first.
     */
    public static boolean stateMachineSafety(ClusterState state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.stateMachineSafety");
    }

    /** Figure 2: a running server commits only entries it holds, and applies only committed ones. */
    public static boolean commitWithinLog(ClusterState state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.commitWithinLog");
    }

    /** §5.1: terms only grow, across crashes too (the term is durable). */
    public static boolean termsNeverGoBack(ClusterState before, Event event, ClusterState after) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.termsNeverGoBack");
    }

    /** A running server never forgets a commit; only a restart starts it again from 0. */
    public static boolean commitNeverGoesBack(ClusterState before, Event event, ClusterState after) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.commitNeverGoesBack");
    }

}
