package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rafting.election.Flaw;
import rafting.sim.history.Command;
import rafting.sim.history.Operation;

/**
 * What the clients see. Healthy runs give histories with something in them, and every one is
 * linearizable; with a broken rule, a search that looks only at the clients' history (and at
 * recovery) finds a run that is not, later in the run than the servers' invariants.
 */
@Tag("part8")
class ClientHistoryTest {

    @Test
    void healthyRunsGiveLinearizableHistoriesWithSomethingInThem() {
        int readsOfAValue = 0;
        int swaps = 0;
        int open = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Scenario scenario = Scenario.of(seed, 3, 1000, Set.of(), "varied");
            Run run = Simulator.run(scenario);
            assertThat(run.violation()).as("seed %d", seed).isNull();
            List<Operation> history = replayed(scenario, run.events()).history().operations();
            for (Operation op : history) {
                readsOfAValue += op.command().kind() == Command.Kind.GET && op.reply() != null ? 1 : 0;
                swaps += op.command().kind() == Command.Kind.CAS && "1".equals(op.reply()) ? 1 : 0;
                open += op.isOpen() ? 1 : 0;
            }
        }
        assertThat(readsOfAValue).as("reads that saw a value").isGreaterThan(80);
        assertThat(swaps).as("CAS that swapped").isGreaterThan(20);
        assertThat(open).as("calls whose server crashed or lost office first").isGreaterThan(500);
    }

    @Test
    void theSameEventsRecordTheSameHistory() {
        Scenario scenario = Scenario.of(42, 3, 2000, Set.of(), "varied");
        Run run = Simulator.run(scenario);

        List<Operation> first = replayed(scenario, run.events()).history().operations();
        List<Operation> second = replayed(scenario, run.events()).history().operations();

        assertThat(first).hasSizeGreaterThan(20).isEqualTo(second);
    }

    /** A flaw the history check catches on its own, within this many seeds. */
    record Case(Flaw flaw, int seedBudget) {
    }

    static Stream<Case> flaws() {
        return Stream.of(new Case(Flaw.ACKNOWLEDGE_BEFORE_DURABLE, 100), new Case(Flaw.IGNORE_UP_TO_DATE_RULE, 100));
    }

    @ParameterizedTest
    @MethodSource("flaws")
    void theHistoryAloneCatchesTheFlawButLaterThanTheInvariants(Case which) {
        var options = FlawSearch.Options.of(Set.of(which.flaw())).withSeeds(1, which.seedBudget()).withClientView();

        Run failure = FlawSearch.run(options).failure();

        assertThat(failure).as("a history that is not linearizable within %d seeds", which.seedBudget()).isNotNull();
        assertThat(failure.violation().invariant()).isEqualTo(Invariants.LINEARIZABILITY);
        assertThat(failure.toString())
                .contains("seed " + failure.scenario().seed())
                .contains("not linearizable", "no order of its")
                .contains("--flaw " + which.flaw() + " --client-view");
        Violation structural = replayed(failure.scenario(), failure.events()).structuralViolation();
        assertThat(structural).as("the servers' invariants broke in the same run").isNotNull();
        assertThat(structural.step()).isLessThan(firstEventWithABadHistory(failure));
    }

    @ParameterizedTest
    @MethodSource("flaws")
    void aBadHistoryShrinks(Case which) {
        var options = FlawSearch.Options.of(Set.of(which.flaw())).withSeeds(1, which.seedBudget()).withClientView();
        Run failure = FlawSearch.run(options).failure();

        Run shrunk = Shrinker.shrink(failure).run();

        assertThat(shrunk.violation().invariant()).isEqualTo(Invariants.LINEARIZABILITY);
        assertThat(shrunk.events().size()).isLessThan(failure.events().size() / 10);
        assertThat(Story.of(shrunk.scenario(), shrunk.events())).contains("VIOLATED Linearizability");
    }

    /**
     * The first event after which the history is no longer linearizable (events + 1 if only the
     * recovery phase makes it so). A history that is not linearizable stays so whatever follows,
     * so a binary search over the prefixes of the run finds it.
     */
    private static long firstEventWithABadHistory(Run failure) {
        Scenario withoutRecovery = failure.scenario().withoutLiveness();
        int low = 0;
        int high = failure.events().size() + 1;
        while (low < high) {
            int middle = (low + high) / 2;
            Run prefix = Simulator.replay(withoutRecovery, failure.events().subList(0, Math.min(middle, failure.events().size())));
            if (middle <= failure.events().size() && prefix.failed()) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static SimCluster replayed(Scenario scenario, List<Event> events) {
        var sim = new SimCluster(scenario);
        events.forEach(sim::apply);
        return sim;
    }
}
