package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.Flaw;

/** One seed, one run: the scheduler, the nodes' timeouts and the faults all come from the seed. */
@Tag("part8")
class DeterminismTest {

    @Test
    void theSameSeedGivesTheSameRunEventForEvent() {
        Scenario scenario = Scenario.of(42, 3, 2000, Set.of(), "chaos");

        Run first = Simulator.run(scenario);
        Run second = Simulator.run(scenario);

        assertThat(second.events()).isEqualTo(first.events());
        assertThat(second.settleTicks()).isEqualTo(first.settleTicks());
        assertThat(Story.of(scenario, second.events())).isEqualTo(Story.of(scenario, first.events()));
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        Run first = Simulator.run(Scenario.of(42, 3, 500, Set.of(), "chaos"));
        Run other = Simulator.run(Scenario.of(43, 3, 500, Set.of(), "chaos"));

        assertThat(other.events()).isNotEqualTo(first.events());
    }

    @Test
    void replayingTheRecordedEventsReachesTheSameViolationAtTheSameEvent() {
        Run failing = FlawSearch.run(FlawSearch.Options.of(Set.of(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING)).withSeeds(1, 300)).failure();

        Run replayed = Simulator.replay(failing.scenario(), failing.events());

        assertThat(replayed.violation()).isEqualTo(failing.violation());
        assertThat(replayed.events()).isEqualTo(failing.events());
    }

    @Test
    void theSeedPicksTheConfigurationAndTheMixWhenTheMixVaries() {
        Scenario a = Scenario.of(7, 3, 100, Set.of(), "varied");
        Scenario b = Scenario.of(7, 3, 100, Set.of(), "varied");
        Scenario c = Scenario.of(8, 3, 100, Set.of(), "varied");

        assertThat(b).isEqualTo(a);
        assertThat(c.mix()).isNotEqualTo(a.mix());
    }
}
