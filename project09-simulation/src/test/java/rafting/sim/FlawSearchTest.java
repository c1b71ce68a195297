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

/**
 * Project 8, Part 2: for every rule the core can break, the search finds a violation on its own,
 * knowing nothing of the rule, and shrinks it to a short story.
 */
@Tag("part8")
class FlawSearchTest {

    /** A flaw, the seeds the search may try, and the longest shrunk story we accept. */
    record Case(Flaw flaw, int seedBudget, int maxShrunkEvents) {
        @Override
        public String toString() {
            return flaw + " within " + seedBudget + " seeds, shrunk to at most " + maxShrunkEvents + " events";
        }
    }

    static Stream<Case> flaws() {
        return Stream.of(
                new Case(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING, 300, 30), // Figure 8
                new Case(Flaw.TRUNCATE_ON_MATCHING_APPEND, 100, 15),
                new Case(Flaw.FOLLOWER_COMMITS_PAST_CONFIRMED, 300, 40),
                new Case(Flaw.IGNORE_UP_TO_DATE_RULE, 100, 15),
                new Case(Flaw.VOTE_TWICE_IN_A_TERM, 100, 12),
                new Case(Flaw.COUNT_VOTES_FROM_OTHER_TERMS, 300, 35),
                new Case(Flaw.LOWER_COMMIT_INDEX, 100, 15),
                new Case(Flaw.ACKNOWLEDGE_BEFORE_DURABLE, 100, 8),
                new Case(Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP, 300, 25)); // a stale read: the history check
    }

    /**
     * Project 11's snapshot flaws, found in runs that take snapshots every few entries: shrinking
     * them replays those runs about a thousand times, some 15 s each, so they run in CI's heavy
     * step ({@code -Pheavy}), not in every {@code mvn verify}.
     */
    static Stream<Case> snapshotFlaws() {
        return Stream.of(
                new Case(Flaw.KEEP_LOG_ON_SNAPSHOT, 150, 20),
                new Case(Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT, 150, 25)); // a retry run twice: the history check
    }

    @ParameterizedTest
    @MethodSource("snapshotFlaws")
    @Tag("heavy")
    void theSearchFindsEachSnapshotFlawAndShrinksItToAShortStory(Case which) {
        theSearchFindsTheBrokenRuleAndShrinksItToAShortStory(which);
    }

    @ParameterizedTest
    @MethodSource("flaws")
    void theSearchFindsTheBrokenRuleAndShrinksItToAShortStory(Case which) {
        FlawSearch.Result result = FlawSearch.run(FlawSearch.Options.of(Set.of(which.flaw())).withSeeds(1, which.seedBudget()));

        assertThat(result.failure()).as("a violation within %d seeds", which.seedBudget()).isNotNull();
        Shrinker.Shrunk shrunk = Shrinker.shortestOf(result);
        Run story = shrunk.run();
        assertThat(story.scenario().flaws()).containsExactly(which.flaw());
        assertThat(story.events()).hasSizeLessThanOrEqualTo(which.maxShrunkEvents());
        assertThat(Story.of(story.scenario(), story.events()))
                .contains("VIOLATED " + story.violation().invariant())
                .contains("n1", "n2", "n3");
    }

    @Test
    void everyFlawHasACase() {
        assertThat(Stream.concat(flaws(), snapshotFlaws()).map(Case::flaw)).containsExactlyInAnyOrder(Flaw.values());
    }

    @Test
    void aFaultIsACrashWithItsWriteBacksAndItsRestart() {
        List<Event> events = List.of(new Event.Crash(1), new Event.Fire(2, true), new Event.Writeback(1),
                new Event.Writeback(2), new Event.Restart(1), new Event.Crash(2));

        assertThat(Shrinker.faults(events)).containsExactly(List.of(0, 2, 4), List.of(5));
        assertThat(Shrinker.nodeActivity(events)).containsExactly(List.of(0, 2, 4), List.of(1, 3, 5));
    }

    @Test
    void aViolationAfterTheFaultsStoppedShrinksWithTheRecoveryPhase() {
        // No fault at all: the recovery phase elects a leader, which commits what no disk holds.
        Run failing = Simulator.run(Scenario.of(1, 3, 0, Set.of(Flaw.ACKNOWLEDGE_BEFORE_DURABLE), "none"));
        assertThat(failing.violation().step()).as("broken after the faults stopped").isGreaterThan(failing.events().size());

        Run shrunk = Shrinker.shrink(failing).run();

        assertThat(shrunk.violation().invariant()).isEqualTo(RaftInvariants.COMMITTED_NEVER_LOST);
        assertThat(Story.of(shrunk.scenario(), shrunk.events())).contains("then the faults stop", "VIOLATED");
    }

    @ParameterizedTest
    @MethodSource("flaws")
    void theFailingRunNamesItsSeedAndTheCommandThatReplaysIt(Case which) {
        Run failure = FlawSearch.run(FlawSearch.Options.of(Set.of(which.flaw())).withSeeds(1, which.seedBudget())).failure();

        long seed = failure.scenario().seed();
        assertThat(failure.toString())
                .contains("seed " + seed)
                .contains("project09-simulation/sim replay --seed " + seed + " --nodes 3 --steps 2000 --flaw " + which.flaw());
    }
}
