package rafting.sim.explore.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rafting.election.Config;
import rafting.election.Flaw;
import rafting.election.Role;
import rafting.sim.explore.Exploration;
import rafting.sim.explore.Exploration.Verdict;

/** Three real RaftNodes, every state within small bounds, every check of RaftInvariants in each. */
class RaftExplorationTest {

    static final Config HEALTHY = RaftExploration.exploredConfig();
    static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void theHealthyCoreBreaksNoRuleInAnyStateWithinTheBounds() {
        // Terms up to 2, one proposal, one crash, 2 messages in flight: about 20,000 states.
        Bounds bounds = Bounds.small();

        Exploration<ClusterState, RaftEvent> result = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);

        System.out.println("raft, " + bounds + ": " + result);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.states()).isGreaterThan(10_000);
    }

    @Test
    void theHealthyCoreBreaksNoRuleWhenTheNetworkLosesMessages() {
        // One term, one proposal, one crash, 2 messages in flight, any of them lost: about 130,000 states.
        Bounds bounds = new Bounds(3, 1, 1, 1, 2, true);

        Exploration<ClusterState, RaftEvent> result = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);

        System.out.println("raft, " + bounds + ": " + result);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.states()).isGreaterThan(100_000);
    }

    @Test
    void symmetryMergesClustersThatDifferOnlyInTheServersNames() {
        Bounds bounds = new Bounds(3, 1, 0, 0, 3, false);

        Exploration<ClusterState, RaftEvent> merged = RaftExploration.explore(HEALTHY, bounds, true, NO_LIMIT);
        Exploration<ClusterState, RaftEvent> apart = RaftExploration.explore(HEALTHY, bounds, false, NO_LIMIT);

        assertThat(merged.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(apart.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(merged.depth()).isEqualTo(apart.depth());
        // Each merged state stands for at most 3! = 6 renamed ones, and some for fewer.
        assertThat(apart.states()).isGreaterThan(merged.states()).isLessThanOrEqualTo(6 * merged.states());
    }

    @Test
    void findsTwoLeadersOfOneTermWhenAServerVotesTwice() {
        Bounds bounds = new Bounds(3, 1, 0, 0, 6, false);

        Exploration<ClusterState, RaftEvent> result =
                RaftExploration.explore(HEALTHY.withFlaws(Flaw.VOTE_TWICE_IN_A_TERM), bounds, NO_LIMIT);

        // Two candidates of term 1 each vote for the other as well: six events, the fewest there are.
        assertThat(result.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(result.trace().problem()).contains(RaftInvariants.ELECTION_SAFETY);
        assertThat(result.trace().events()).hasSize(6);
        ClusterState end = result.trace().lastState();
        assertThat(end.ids()).filteredOn(id -> end.isUp(id) && end.node(id).state().role() == Role.LEADER).hasSize(2);
        System.out.println(RaftExploration.story(result.trace()));
    }

    @Test
    void aCrashKeepsOnlyWhatTheDriverSynced() {
        Bounds bounds = new Bounds(3, 1, 0, 1, 2, false);

        Exploration<ClusterState, RaftEvent> healthy = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);
        Exploration<ClusterState, RaftEvent> broken =
                RaftExploration.explore(HEALTHY.withFlaws(Flaw.ACKNOWLEDGE_BEFORE_DURABLE), bounds, NO_LIMIT);

        assertThat(healthy.verdict()).isEqualTo(Verdict.PASSED);
        // The node never asks for a sync: a candidate that crashes comes back at term 0.
        assertThat(broken.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(broken.trace().problem()).contains(RaftInvariants.TERMS_NEVER_GO_BACK);
        assertThat(broken.trace().events()).containsExactly(new RaftEvent.Timeout(1), new RaftEvent.Crash(1));
        assertThat(broken.trace().lastState().durableTermVote(1).term()).isZero();
    }

    @Test
    void findsALateRequestThatCutsAFollowersLogBelowItsCommitIndex() {
        Exploration<ClusterState, RaftEvent> result =
                RaftExploration.explore(HEALTHY.withFlaws(Flaw.TRUNCATE_ON_MATCHING_APPEND), Bounds.small(), NO_LIMIT);

        assertThat(result.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(result.trace().problem()).contains(RaftInvariants.COMMIT_WITHIN_LOG);
        assertThat(result.trace().events()).hasSize(13);
        System.out.println(RaftExploration.story(result.trace()));
    }
}
