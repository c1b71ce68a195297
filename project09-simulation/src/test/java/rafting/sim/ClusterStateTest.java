package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import rafting.election.Config;
import rafting.election.Flaw;

/**
 * The groundwork for exploring the real core exhaustively: states as values with a canonical key.
 * The breadth-first search here is the smallest that shows the keys work; the module's explorer
 * does the real job.
 */
class ClusterStateTest {

    private static final Config PLAIN = Config.defaults().withPreVote(false).withCheckQuorum(false);
    private static final ClusterState.Bounds ONE_TERM = new ClusterState.Bounds(1, 0, 0, 3);

    @Test
    void twoOrdersOfIndependentEventsReachOneKey() {
        ClusterState start = ClusterState.initial(Scenario.scripted(3, PLAIN), ONE_TERM);

        ClusterState oneThenTwo = start.after(new Event.Fire(1, true)).orElseThrow().after(new Event.Fire(2, true)).orElseThrow();
        ClusterState twoThenOne = start.after(new Event.Fire(2, true)).orElseThrow().after(new Event.Fire(1, true)).orElseThrow();

        assertThat(twoThenOne.key()).isEqualTo(oneThenTwo.key());
        assertThat(twoThenOne.path()).isNotEqualTo(oneThenTwo.path());
    }

    @Test
    void differentStatesHaveDifferentKeys() {
        ClusterState start = ClusterState.initial(Scenario.scripted(3, PLAIN), ONE_TERM);

        assertThat(start.after(new Event.Fire(1, true)).orElseThrow().key())
                .isNotEqualTo(start.after(new Event.Fire(2, true)).orElseThrow().key())
                .isNotEqualTo(start.key());
    }

    @Test
    void anEventThatDoesNotApplyLeadsNowhere() {
        ClusterState start = ClusterState.initial(Scenario.scripted(3, PLAIN), ONE_TERM);

        assertThat(start.after(new Event.Restart(1))).isEmpty();
    }

    @Test
    void everyStateOfTheFirstTermKeepsTheInvariants() {
        ClusterState bad = breadthFirst(Scenario.scripted(3, PLAIN), ONE_TERM);

        assertThat(bad).isNull();
    }

    @Test
    void theShortestRunToTwoLeadersIsSixEventsWhenAVoterVotesTwice() {
        ClusterState bad = breadthFirst(Scenario.scripted(3, PLAIN.withFlaws(Flaw.VOTE_TWICE_IN_A_TERM)), ONE_TERM);

        assertThat(bad.violation().invariant()).isEqualTo(Invariants.ELECTION_SAFETY);
        assertThat(bad.path()).hasSize(6);
    }

    /** The first state that breaks an invariant, breadth-first, or null when none does. */
    private static ClusterState breadthFirst(Scenario scenario, ClusterState.Bounds bounds) {
        var start = ClusterState.initial(scenario, bounds);
        var queue = new ArrayDeque<ClusterState>();
        Set<String> seen = new HashSet<>();
        queue.add(start);
        seen.add(start.key());
        while (!queue.isEmpty()) {
            ClusterState state = queue.poll();
            if (state.violation() != null) {
                return state;
            }
            for (Event event : state.events()) {
                state.after(event).filter(next -> seen.add(next.key())).ifPresent(queue::add);
            }
        }
        assertThat(seen.size()).isGreaterThan(1000);
        return null;
    }
}
