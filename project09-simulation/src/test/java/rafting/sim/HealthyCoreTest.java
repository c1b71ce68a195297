package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With no flaw, every invariant holds on thousands of seeds, under a fault mix drawn from each
 * seed, the cluster recovers within {@link Scenario#LIVENESS_BOUND_TICKS} once the faults stop,
 * and the clients' history is linearizable (the checker may give up on a rare one, never on many).
 */
@Tag("part8")
class HealthyCoreTest {

    @Test
    void threeNodesKeepEveryInvariantOnTwoThousandSeeds() {
        assertAllPass(FlawSearch.Options.of(Set.of()).withSeeds(1, 2000).withSteps(1000).withNodes(3));
    }

    @Test
    void fiveNodesKeepEveryInvariantOnFiveHundredSeeds() {
        assertAllPass(FlawSearch.Options.of(Set.of()).withSeeds(100_001, 500).withSteps(1000).withNodes(5));
    }

    @Test
    void aLoneNodeLeadsAndCommitsAlone() {
        assertAllPass(FlawSearch.Options.of(Set.of()).withSeeds(1, 50).withSteps(300).withNodes(1).withMix("chaos"));
    }

    private static void assertAllPass(FlawSearch.Options options) {
        FlawSearch.Result result = FlawSearch.run(options);
        assertThat(result.failure())
                .withFailMessage(() -> {
                    Run shrunk = Shrinker.shrink(result.failure()).run();
                    return "a healthy run failed:\n" + result.failure() + "\nshrunk:\n" + Story.of(shrunk.scenario(), shrunk.events());
                })
                .isNull();
        assertThat(result.seedsRun()).isEqualTo(options.seeds());
        assertThat(result.historiesUndecided()).as("histories too hard for the checker").isLessThanOrEqualTo(options.seeds() / 100);
    }
}
