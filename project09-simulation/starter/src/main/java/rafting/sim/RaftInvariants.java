package rafting.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The safety properties of Raft (Figure 3 of the paper), and the few more this course checks:
 * their names, once, for the simulator, the explorer and the real nodes under simulation, and
 * their definitions, as predicates over a {@link ClusterView} (the servers as they are, and the
 * histories of leaders and commits that no server keeps). The explorer evaluates these on every
 * state; the simulator's {@link Invariants} checks the same properties incrementally, looking
 * only at what each event changed (a full check of Log Matching alone after every event made it 2
 * to 3 times slower), and {@code InvariantsAgreeWithTheDefinitionsTest} holds the two to the same
 * verdicts.
 */
public final class RaftInvariants {

    /** §5.2: at most one leader per term. */
    public static final String ELECTION_SAFETY = "Election Safety";
    /** §5.3: two logs that hold an entry with the same index and term are identical up to it. */
    public static final String LOG_MATCHING = "Log Matching";
    /** §5.4: an entry committed in a term is in the log of every leader of a later term. */
    public static final String LEADER_COMPLETENESS = "Leader Completeness";
    /** §5.4.3: no two servers apply different entries at one index. */
    public static final String STATE_MACHINE_SAFETY = "State Machine Safety";
    /** Figure 2: a server commits only entries it holds, and applies only committed ones. */
    public static final String COMMIT_WITHIN_LOG = "Commit index within the log";
    /** §5.1: a server's term never goes back, across crashes too (it is durable). */
    public static final String TERMS_NEVER_GO_BACK = "Terms never go back";
    /** Figure 2: a running server's commit index never goes back (a restart starts it again from 0). */
    public static final String COMMIT_NEVER_GOES_BACK = "Commit index never goes back";
    /** Project 8: a committed entry stays on the disks of a majority, at its index. */
    public static final String COMMITTED_NEVER_LOST = "No committed entry is lost";
    /** §5.3: a leader's matchIndex for a follower never exceeds what that follower holds. */
    public static final String MATCH_INDEX = "matchIndex never claims too much";

    /** The invariants, each by its name, in the order they are checked. */
    public static final Map<String, Predicate<ClusterView>> INVARIANTS;
    /** The step properties, of a view before an event and the view after it. */
    public static final Map<String, BiPredicate<ClusterView, ClusterView>> STEP_PROPERTIES;

    static {
        var invariants = new LinkedHashMap<String, Predicate<ClusterView>>();
        invariants.put(ELECTION_SAFETY, RaftInvariants::electionSafety);
        invariants.put(LOG_MATCHING, RaftInvariants::logMatching);
        invariants.put(LEADER_COMPLETENESS, RaftInvariants::leaderCompleteness);
        invariants.put(STATE_MACHINE_SAFETY, RaftInvariants::stateMachineSafety);
        invariants.put(COMMIT_WITHIN_LOG, RaftInvariants::commitWithinLog);
        INVARIANTS = Collections.unmodifiableMap(invariants);
        var steps = new LinkedHashMap<String, BiPredicate<ClusterView, ClusterView>>();
        steps.put(TERMS_NEVER_GO_BACK, RaftInvariants::termsNeverGoBack);
        steps.put(COMMIT_NEVER_GOES_BACK, RaftInvariants::commitNeverGoesBack);
        STEP_PROPERTIES = Collections.unmodifiableMap(steps);
    }

    private RaftInvariants() {
    }

    /** The name of the first property that {@code after} (reached from {@code before}) breaks, or null. */
    public static String firstBroken(ClusterView before, ClusterView after) {
        for (var invariant : INVARIANTS.entrySet()) {
            if (!invariant.getValue().test(after)) {
                return invariant.getKey();
            }
        }
        for (var property : STEP_PROPERTIES.entrySet()) {
            if (!property.getValue().test(before, after)) {
                return property.getKey();
            }
        }
        return null;
    }

    /** §5.2: every running leader is the first (and so the only) server that led its term. */
    public static boolean electionSafety(ClusterView state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.electionSafety");
    }

    /** §5.3: if two logs hold an entry with the same index and term, they are identical up to it. */
    public static boolean logMatching(ClusterView state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.logMatching");
    }

    /** §5.4: an entry committed in a term is in the log of every leader of a later term. */
    public static boolean leaderCompleteness(ClusterView state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.leaderCompleteness");
    }

    /**
     * §5.4.3: no two servers ever commit (and so apply) different entries at one index: what each
     * running server has committed is what was committed there first.
     */
    public static boolean stateMachineSafety(ClusterView state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.stateMachineSafety");
    }

    /** Figure 2: a running server commits only entries it holds, and applies only committed ones. */
    public static boolean commitWithinLog(ClusterView state) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.commitWithinLog");
    }

    /** §5.1: terms only grow, across crashes too (the term is durable). */
    public static boolean termsNeverGoBack(ClusterView before, ClusterView after) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.termsNeverGoBack");
    }

    /** A running server never forgets a commit; only a restart starts it again from 0. */
    public static boolean commitNeverGoesBack(ClusterView before, ClusterView after) {
        throw new UnsupportedOperationException("Part 4: write RaftInvariants.commitNeverGoesBack");
    }

}
