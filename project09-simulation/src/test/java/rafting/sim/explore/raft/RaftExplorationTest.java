package rafting.sim.explore.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.Flaw;
import rafting.election.Role;
import rafting.election.Settings;
import rafting.sim.Event;
import rafting.sim.RaftInvariants;
import rafting.sim.explore.ExplorationResult.Verdict;
import rafting.sim.explore.ExplorationResult;

/** Three real RaftNodes, every state within small bounds, every check of RaftInvariants in each. */
@Tag("part4")
class RaftExplorationTest {

    static final Settings HEALTHY = RaftExploration.exploredSettings();
    static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void theHealthyCoreBreaksNoRuleInAnyStateWithinTheBounds() {
        // Terms up to 2, one proposal, one crash, 2 messages in flight: about 9,000 states.
        Bounds bounds = Bounds.small();

        ExplorationResult<ClusterState, Event> result = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);

        System.out.println("raft, " + bounds + ": " + result + ", fired " + result.fired());
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.states()).isGreaterThan(5_000);
        // Sometimes: each kind of event the bounds allow happens somewhere, or the checks above miss it.
        assertThat(bounds.eventKinds()).containsExactly("Fire", "Deliver", "Propose", "Crash", "Restart");
        assertThat(RaftExploration.neverFired(result, bounds)).isEmpty();
    }

    @Test
    void boundsThatAllowAProposalButNoLeaderAreCaughtByTheProposalNeverFiring() {
        // One term, no crash, 2 messages in flight, no drops: a new leader's two AppendEntries do
        // not fit beside the request or answer still in flight, so no one ever leads. The healthy
        // core passes, and would pass with any broken rule about entries: nothing was checked.
        Bounds bounds = new Bounds(3, 1, 1, 0, 2, false);

        ExplorationResult<ClusterState, Event> result = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);

        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(RaftExploration.neverFired(result, bounds)).containsExactly("Propose");
        // One more message in flight, and a leader is elected and takes the proposal.
        ExplorationResult<ClusterState, Event> wider = RaftExploration.explore(HEALTHY, bounds.withMaxInFlight(3), NO_LIMIT);
        assertThat(RaftExploration.neverFired(wider, bounds)).isEmpty();
    }

    @Test
    void theHealthyCoreBreaksNoRuleWhenTheNetworkDeliversAMessageTwice() {
        // Terms up to 2, one proposal, 3 messages in flight, one of them a copy the network made.
        Bounds bounds = new Bounds(3, 2, 1, 0, 3, false, 1);

        ExplorationResult<ClusterState, Event> result = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);

        System.out.println("raft, " + bounds + ": " + result + ", fired " + result.fired());
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(RaftExploration.neverFired(result, bounds)).isEmpty();
        assertThat(result.fired()).containsKey("Duplicate");
    }

    @Test
    void theHealthyCoreBreaksNoRuleWhenTheNetworkLosesMessages() {
        // One term, one proposal, one crash, 2 messages in flight, any of them lost: about 130,000 states.
        Bounds bounds = new Bounds(3, 1, 1, 1, 2, true);

        ExplorationResult<ClusterState, Event> result = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);

        System.out.println("raft, " + bounds + ": " + result);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.states()).isGreaterThan(100_000);
        assertThat(RaftExploration.neverFired(result, bounds)).isEmpty();
    }

    @Test
    void symmetryMergesClustersThatDifferOnlyInTheServersNames() {
        Bounds bounds = new Bounds(3, 1, 0, 0, 3, false);

        ExplorationResult<ClusterState, Event> merged = RaftExploration.explore(HEALTHY, bounds, true, NO_LIMIT);
        ExplorationResult<ClusterState, Event> apart = RaftExploration.explore(HEALTHY, bounds, false, NO_LIMIT);

        assertThat(merged.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(apart.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(merged.depth()).isEqualTo(apart.depth());
        // Each merged state stands for at most 3! = 6 renamed ones, and some for fewer.
        assertThat(apart.states()).isGreaterThan(merged.states()).isLessThanOrEqualTo(6 * merged.states());
    }

    @Test
    void findsTwoLeadersOfOneTermWhenAServerVotesTwice() {
        Bounds bounds = new Bounds(3, 1, 0, 0, 6, false);

        ExplorationResult<ClusterState, Event> result =
                RaftExploration.explore(HEALTHY.withFlaws(Flaw.VOTE_TWICE_IN_A_TERM), bounds, NO_LIMIT);

        // Two candidates of term 1 each vote for the other as well: six events, the fewest there are.
        assertThat(result.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(result.trace().problem()).contains(RaftInvariants.ELECTION_SAFETY);
        assertThat(result.trace().events()).hasSize(6);
        ClusterState end = result.trace().lastState();
        assertThat(end.ids()).filteredOn(id -> end.isUp(id) && end.node(id).state().role() == Role.LEADER).hasSize(2);
        System.out.println(expected(Flaw.VOTE_TWICE_IN_A_TERM));
        System.out.println(RaftExploration.story(result.trace()));
    }

    @Test
    void aCrashKeepsOnlyWhatTheDriverSynced() {
        Bounds bounds = new Bounds(3, 1, 0, 1, 2, false);

        ExplorationResult<ClusterState, Event> healthy = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);
        ExplorationResult<ClusterState, Event> broken =
                RaftExploration.explore(HEALTHY.withFlaws(Flaw.ACKNOWLEDGE_BEFORE_DURABLE), bounds, NO_LIMIT);

        assertThat(healthy.verdict()).isEqualTo(Verdict.PASSED);
        // The node never asks for a sync: a candidate that crashes comes back at term 0.
        assertThat(broken.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(broken.trace().problem()).contains(RaftInvariants.TERMS_NEVER_GO_BACK);
        assertThat(broken.trace().events()).containsExactly(new Event.Fire(1, true), new Event.Crash(1));
        assertThat(broken.trace().lastState().durableTermVote(1).term()).isZero();
    }

    @Test
    void findsALateRequestThatCutsAFollowersLogBelowItsCommitIndex() {
        ExplorationResult<ClusterState, Event> result =
                RaftExploration.explore(HEALTHY.withFlaws(Flaw.TRUNCATE_ON_MATCHING_APPEND), Bounds.small(), NO_LIMIT);

        assertThat(result.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(result.trace().problem()).contains(RaftInvariants.COMMIT_WITHIN_LOG);
        assertThat(result.trace().events()).hasSize(13);
        System.out.println(expected(Flaw.TRUNCATE_ON_MATCHING_APPEND));
        System.out.println(RaftExploration.story(result.trace()));
    }

    /** Figure 8's bounds: four terms, no proposals (the logs hold the leaders' no-ops), no crashes, one message in flight. */
    static final Bounds FIGURE_8 = new Bounds(3, 4, 0, 0, 1, true);

    @Test
    void findsFigure8WhenALeaderCommitsAnEarlierTermsEntryByCountingReplicas() {
        ExplorationResult<ClusterState, Event> result =
                RaftExploration.explore(HEALTHY.withFlaws(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING), FIGURE_8, NO_LIMIT);

        System.out.println(expected(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING));
        System.out.println("raft, " + FIGURE_8 + ", flaw COMMIT_EARLIER_TERM_BY_COUNTING: " + result.verdict() + ", "
                + result.states() + " states");
        System.out.println(RaftExploration.story(result.trace()));
        assertThat(result.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(result.trace().problem()).contains(RaftInvariants.LEADER_COMPLETENESS);
        // Four elections and a commit of term 1's no-op at term 3: 21 events, the fewest there are.
        assertThat(result.trace().events()).hasSize(21);
        ClusterState end = result.trace().lastState();
        assertThat(end.leaders()).containsOnlyKeys(1L, 2L, 3L, 4L);
        assertThat(end.committed().get(1L).term()).isEqualTo(3);
        assertThat(end.committed().get(1L).entry().term()).isEqualTo(1);
    }

    @Test
    void theHealthyCoreBreaksNoRuleWithFigure8sNetworkAndThreeTerms() {
        // Figure 8's bounds but terms up to 3 (up to 4: 777,743 states, over a minute; see the README).
        Bounds bounds = FIGURE_8.withMaxTerm(3);

        ExplorationResult<ClusterState, Event> result = RaftExploration.explore(HEALTHY, bounds, NO_LIMIT);

        System.out.println("raft, " + bounds + ": " + result);
        assertThat(result.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(result.states()).isEqualTo(66_203);
        assertThat(RaftExploration.neverFired(result, bounds)).isEmpty();
    }

    /** Said before a flawed run's story, which a passing run prints: the VIOLATION in it is the point. */
    static String expected(Flaw flaw) {
        return "expected: " + flaw + " was switched on on purpose; the broken rule below shows the explorer caught it";
    }
}
