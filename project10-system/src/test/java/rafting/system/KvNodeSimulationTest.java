package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.election.Flaw;
import rafting.sim.RaftInvariants;

/** Three real KvNodes in the simulator: crashes, restarts, partitions, lost and late messages, and clients. */
@Tag("part7")
class KvNodeSimulationTest {

    private static final Logger RAFTING = Logger.getLogger("rafting");
    private static Level level;

    @BeforeAll
    static void quiet() {
        level = RAFTING.getLevel();
        RAFTING.setLevel(Level.WARNING); // thousands of elections
    }

    @AfterAll
    static void loud() {
        RAFTING.setLevel(level);
    }

    @Test
    void aThousandSeedsOfCrashesAndPartitionsLeaveEveryHistoryLinearizable() {
        List<KvNodeSimulation.Outcome> outcomes = LongStream.rangeClosed(1, 1_000).parallel()
                .mapToObj(seed -> KvNodeSimulation.run(seed, KvNode.DEFAULT_RAFT)).toList();

        assertThat(outcomes).filteredOn(outcome -> outcome.problem() != null).as("seeds that failed").isEmpty();
        assertThat(outcomes).filteredOn(KvNodeSimulation.Outcome::unknown).as("seeds the checker gave up on")
                .hasSizeLessThanOrEqualTo(10);
        assertThat(outcomes.stream().mapToInt(KvNodeSimulation.Outcome::crashes).sum()).as("crashes in all")
                .isGreaterThan(1_000);
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.operations()).as("operations of %s", outcome)
                .isGreaterThan(100));
    }

    @Test
    void aVoteGivenTwiceInATermIsCaughtAsTwoLeadersByTheSafetyChecks() {
        var flawed = KvNode.DEFAULT_RAFT.withFlaws(Flaw.VOTE_TWICE_IN_A_TERM);

        List<KvNodeSimulation.Outcome> failed = LongStream.rangeClosed(1, 200).parallel()
                .mapToObj(seed -> KvNodeSimulation.run(seed, flawed)).filter(outcome -> outcome.problem() != null).toList();

        assertThat(failed).as("seeds of 200 that failed").isNotEmpty()
                .anySatisfy(outcome -> assertThat(outcome.problem()).startsWith(RaftInvariants.ELECTION_SAFETY + " broken"));
    }

    @Test
    void aSeedRunsTheSameEveryTime() {
        assertThat(KvNodeSimulation.run(7, KvNode.DEFAULT_RAFT)).isEqualTo(KvNodeSimulation.run(7, KvNode.DEFAULT_RAFT));
    }

    @Test
    void aDriverThatAcknowledgesBeforeTheDiskHasTheWriteIsCaught() {
        var flawed = KvNode.DEFAULT_RAFT.withFlaws(Flaw.ACKNOWLEDGE_BEFORE_DURABLE);

        List<KvNodeSimulation.Outcome> failed = LongStream.rangeClosed(1, 100)
                .mapToObj(seed -> KvNodeSimulation.run(seed, flawed)).filter(outcome -> outcome.problem() != null).toList();

        assertThat(failed).as("seeds of 100 that failed").hasSizeGreaterThan(5);
        // A crash takes a term that was never synced back with it: the safety checks see it first.
        assertThat(failed).anySatisfy(outcome -> assertThat(outcome.problem()).startsWith(RaftInvariants.TERMS_NEVER_GO_BACK));
    }
}
