package rafting.tla;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * TLC on every model in {@code specs/}: the healthy specs hold their invariants and properties;
 * the spec without the current-term commit rule breaks one, as the paper's Figure 8 says.
 */
class SpecsTest {

    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void trafficLightIsSafeLiveAndServesEveryPressInTime() throws Exception {
        Tlc.Result result = Tlc.check("TrafficLight", "TrafficLight", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output())
                .contains("Model checking completed. No error has been found.")
                // the same count as the traffic-light module's own exploration of Controller
                .contains("130 distinct states found");
    }

    @Test
    void raftKeepsItsSafetyPropertiesThroughElectionsAndCrashes() throws Exception {
        Tlc.Result result = Tlc.check("Raft", "Raft", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output()).contains("Model checking completed. No error has been found.");
    }

    @Test
    void raftCommitsSafelyOverFourTerms() throws Exception {
        Tlc.Result result = Tlc.check("Raft", "RaftFourTerms", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output()).contains("Model checking completed. No error has been found.");
    }

    @Test
    void raftWithoutTheCurrentTermCommitRuleLosesACommittedEntry() throws Exception {
        // The setting of RaftFourTerms, with Flaw.COMMIT_EARLIER_TERM_BY_COUNTING: Figure 8.
        // One worker, so that the search goes level by level and the trace is a shortest one.
        Tlc.Result result = Tlc.check("Raft", "RaftFigure8", "1", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.VIOLATION_SAFETY);
        assertThat(result.output())
                .contains("Invariant LeaderCompleteness is violated")
                .contains("The behavior up to this point is:")
                // the shortest story: four elections and the flawed commit
                .contains("State 29: <")
                .doesNotContain("State 30:");
    }
}
