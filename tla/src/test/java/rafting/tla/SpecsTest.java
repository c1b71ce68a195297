package rafting.tla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import rafting.election.Flaw;

/**
 * TLC on every model in {@code specs/}. The healthy models hold their invariants and properties,
 * and every action of their spec produces new states in them (coverage: a check that an action
 * never fires holds vacuously). Every flaw of the Java core, and each broken traffic light, has a
 * model of its own in which TLC must find the property the flaw breaks, by name.
 */
class SpecsTest {

    private static final long TIMEOUT_SECONDS = 900;

    /** The actions of Raft.tla's next-state relation. */
    private static final List<String> RAFT_ACTIONS = List.of(
            "BecomeCandidate", "Propose", "Restart", "RequestVote", "AppendEntries",
            "ReceiveRequestVote", "ReceiveRequestVoteResponse",
            "ReceiveAppendEntries", "ReceiveAppendEntriesResponse");

    /** For each flaw, the property its model breaks and how TLC reports the violation. */
    private static final Map<Flaw, String> BROKEN = Map.of(
            Flaw.COMMIT_EARLIER_TERM_BY_COUNTING, "Invariant LeaderCompleteness",
            Flaw.TRUNCATE_ON_MATCHING_APPEND, "Invariant CommittedInLog",
            Flaw.FOLLOWER_COMMITS_PAST_CONFIRMED, "Invariant StateMachineSafety",
            Flaw.IGNORE_UP_TO_DATE_RULE, "Invariant LeaderCompleteness",
            Flaw.VOTE_TWICE_IN_A_TERM, "Invariant OneLeaderPerTerm",
            Flaw.COUNT_VOTES_FROM_OTHER_TERMS, "Invariant OneLeaderPerTerm",
            Flaw.LOWER_COMMIT_INDEX, "Action property CommitNeverGoesBack",
            Flaw.ACKNOWLEDGE_BEFORE_DURABLE, "Invariant OneLeaderPerTerm",
            Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP, "Invariant ReadsSeeEveryCommittedEntry",
            Flaw.KEEP_LOG_ON_SNAPSHOT, "Invariant StateMachineSafety");

    /** The flaws no model here can show, and why: the README lists them too. */
    private static final Map<Flaw, String> OUTSIDE_THE_SPEC = Map.of(
            Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT, "a flaw of the state machine: Raft.tla has the log, no state machine");

    @Test
    void trafficLightIsSafeLiveAndServesEveryPressInTime() throws Exception {
        Tlc.Result result = Tlc.checkWithCoverage("TrafficLight", "TrafficLight", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output())
                .contains("Model checking completed. No error has been found.")
                // the controller's 130 states (the traffic-light module's own count), times
                // the history of how long the waiting press has waited
                .contains("340 distinct states found");
        assertEveryActionFires(result, List.of("Tick", "Press"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TrafficLightSecondPressCancelsFirst", "TrafficLightPressDoesNothing"})
    void aTrafficLightThatLosesPressesDoesNotServeThemInTime(String model) throws Exception {
        Tlc.Result result = Tlc.check("TrafficLight", model, "1", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.VIOLATION_SAFETY);
        assertThat(result.output()).contains("Invariant PressServedInTime is violated");
    }

    @Test
    void raftKeepsItsSafetyPropertiesThroughElectionsCrashesAndProposals() throws Exception {
        Tlc.Result result = Tlc.checkWithCoverage("Raft", "Raft", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output()).contains("Model checking completed. No error has been found.");
        assertEveryActionFires(result, RAFT_ACTIONS);
    }

    @Test
    @Tag("long") // about 45 s: CI runs it after mvn verify, with RaftTwoInFlight
    void raftKeepsItsSafetyPropertiesWhenLeadersSendSnapshots() throws Exception {
        Tlc.Result result = Tlc.checkWithCoverage("Raft", "RaftSnapshots", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output()).contains("Model checking completed. No error has been found.");
        var actions = new java.util.ArrayList<>(RAFT_ACTIONS);
        actions.addAll(List.of("SendSnapshot", "ReceiveInstallSnapshot"));
        assertEveryActionFires(result, actions);
    }

    @Test
    @Tag("long") // 1 to 2 minutes: CI runs it after mvn verify (see the README), and so does -Pheavy
    void raftKeepsItsSafetyPropertiesWithRequestsLateAndOutOfOrder() throws Exception {
        Tlc.Result result = Tlc.checkWithCoverage("Raft", "RaftTwoInFlight", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output()).contains("Model checking completed. No error has been found.");
        // no proposals in this model: every other action must fire
        assertEveryActionFires(result, RAFT_ACTIONS.stream().filter(action -> !action.equals("Propose")).toList());
    }

    @Test
    @Tag("heavy")
    void raftKeepsItsSafetyPropertiesWithAProposalAndTwoMessagesInFlight() throws Exception {
        // mvn -Pheavy only: the proposal of Raft and the network of RaftTwoInFlight together
        Tlc.Result result = Tlc.checkWithCoverage("Raft", "RaftProposalTwoInFlight", "auto", 4 * TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output()).contains("Model checking completed. No error has been found.");
        assertEveryActionFires(result, RAFT_ACTIONS);
    }

    @Test
    void raftCommitsSafelyOverFourTerms() throws Exception {
        Tlc.Result result = Tlc.checkWithCoverage("Raft", "RaftFourTerms", "auto", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.NO_ERROR);
        assertThat(result.output()).contains("Model checking completed. No error has been found.");
        // no proposals and no crashes in this model: every other action must fire
        assertEveryActionFires(result, RAFT_ACTIONS.stream()
                .filter(action -> !action.equals("Propose") && !action.equals("Restart"))
                .toList());
    }

    @Test
    void everyFlawOfTheCoreHasAModelThatBreaksAProperty() {
        var modelled = java.util.EnumSet.copyOf(BROKEN.keySet());
        assertThat(modelled).doesNotContainAnyElementsOf(OUTSIDE_THE_SPEC.keySet());
        modelled.addAll(OUTSIDE_THE_SPEC.keySet());
        assertThat(modelled).containsExactlyInAnyOrder(Flaw.values());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Flaw.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"COMMIT_EARLIER_TERM_BY_COUNTING", "SESSIONS_LEFT_OUT_OF_SNAPSHOT"})
    void raftWithAFlawBreaksTheRuleTheFlawSwitchesOff(Flaw flaw) throws Exception {
        // One worker, so that the search goes level by level and the trace is a shortest one.
        String model = modelOf(flaw);
        assertThat(Files.readString(Path.of("specs", model + ".cfg")))
                .as("the model switches on exactly this flaw").contains("Flaws = {\"" + flaw.name() + "\"}");

        Tlc.Result result = Tlc.check("Raft", model, "1", TIMEOUT_SECONDS);

        String violated = BROKEN.get(flaw);
        assertThat(result.exitCode()).as("%s", result)
                .isEqualTo(violated.startsWith("Invariant") ? Tlc.VIOLATION_SAFETY : Tlc.VIOLATION_LIVENESS);
        assertThat(result.output())
                .contains(violated + " is violated")
                .contains("The behavior up to this point is:");
    }

    @Test
    void raftWithoutTheCurrentTermCommitRuleTellsFigure8InTwentyNineSteps() throws Exception {
        // The setting of RaftFourTerms, with Flaw.COMMIT_EARLIER_TERM_BY_COUNTING: Figure 8.
        // One worker, so that the search goes level by level and the trace is a shortest one.
        Flaw flaw = Flaw.COMMIT_EARLIER_TERM_BY_COUNTING;
        Tlc.Result result = Tlc.check("Raft", modelOf(flaw), "1", TIMEOUT_SECONDS);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(Tlc.VIOLATION_SAFETY);
        assertThat(result.output())
                .contains(BROKEN.get(flaw) + " is violated")
                // the shortest story: four elections and the flawed commit
                .contains("State 29: <")
                .doesNotContain("State 30:");
    }

    /** {@code TRUNCATE_ON_MATCHING_APPEND} is modelled by {@code specs/RaftTruncateOnMatchingAppend.cfg}. */
    static String modelOf(Flaw flaw) {
        return "Raft" + Arrays.stream(flaw.name().split("_"))
                .map(word -> word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }

    private static void assertEveryActionFires(Tlc.Result result, List<String> actions) {
        Map<String, Long> coverage = result.coverage();
        assertThat(coverage).as("coverage of %s", result.model()).containsKeys(actions.toArray(String[]::new));
        for (String action : actions) {
            assertThat(coverage.get(action))
                    .as("distinct states that %s produced in %s (coverage %s)", action, result.model(), coverage)
                    .isPositive();
        }
    }
}
