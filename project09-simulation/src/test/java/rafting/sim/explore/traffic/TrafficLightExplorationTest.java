package rafting.sim.explore.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.sim.explore.ExplorationResult;
import rafting.sim.explore.Machine;
import rafting.sim.explore.Machine.Observed;
import rafting.sim.explore.traffic.TrafficLightExploration.Waiting;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceEvent.Kind;
import rafting.traffic.Controller;
import rafting.traffic.Event;
import rafting.traffic.Phase;
import rafting.traffic.State;
import rafting.traffic.Timings;

@Tag("part3")
class TrafficLightExplorationTest {

    static final Controller STANDARD = Controller.standard();
    static final int BOUND = TrafficLightExploration.responseBound(Timings.DEFAULT);

    @Test
    void visitsThe130StatesThatTheControllerAndTheTlaSpecCount() {
        ExplorationResult<State, Event> result = TrafficLightExploration.explore(TrafficLightExploration.machine(STANDARD));

        // PASSED: the safety rule held in every state and every state has a next state (no deadlock).
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(130);
        assertThat(result.transitions()).isEqualTo(130 * 3); // every event happens in every state
        System.out.println("traffic light: " + result);
    }

    @Test
    void bothTicksAndPressesHappenInTheExploration() {
        ExplorationResult<State, Event> result = TrafficLightExploration.explore(TrafficLightExploration.machine(STANDARD));

        assertThat(result.neverFired(TrafficLightExploration.EVENT_KINDS)).isEmpty();
        assertThat(result.fired()).containsEntry("Tick", 130L).containsEntry("Press", 2 * 130L);
    }

    @Test
    void aLightWhoseButtonsAreNotWiredUpIsCaughtByItsPressesNeverFiring() {
        // Broken on purpose: the machine offers ticks only. Every press property would pass, vacuously.
        Machine<State, Event> unwired = TrafficLightExploration.machine(STANDARD.initial(), List.of(Event.TICK), STANDARD::next);

        ExplorationResult<Observed<State, Waiting>, Event> result = TrafficLightExploration.exploreResponse(unwired, BOUND);

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.neverFired(TrafficLightExploration.EVENT_KINDS)).containsExactly("Press");
    }

    @Test
    void servesEveryPressWithinTwentyTicks() {
        assertThat(BOUND).isEqualTo(15 + 5);

        ExplorationResult<Observed<State, Waiting>, Event> result =
                TrafficLightExploration.exploreResponse(TrafficLightExploration.machine(STANDARD), BOUND);

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isGreaterThan(130);
        System.out.println("traffic light with the waiting press observer: " + result);
    }

    @Test
    void nineteenTicksAreNotEnoughForAPressAtTheStartOfAGreen() {
        ExplorationResult<Observed<State, Waiting>, Event> result =
                TrafficLightExploration.exploreResponse(TrafficLightExploration.machine(STANDARD), BOUND - 1);

        // The shortest way to wait 19 ticks: press at once, then 19 ticks (15 of green, 4 of yellow).
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().events()).hasSize(1 + 19).startsWith(Event.press(rafting.traffic.Direction.NS))
                .containsOnlyOnce(Event.press(rafting.traffic.Direction.NS));
        assertThat(result.trace().lastState().state()).isEqualTo(State.of(Phase.EW_YELLOW, 4, false));
    }

    @Test
    void findsThePedestrianForgottenByAControllerThatCancelsARememberedPress() {
        Machine<State, Event> broken = TrafficLightExploration.forgetful(STANDARD);

        ExplorationResult<Observed<State, Waiting>, Event> result = TrafficLightExploration.exploreResponse(broken, BOUND);

        // Two presses of one button (the second cancels the first), then 20 ticks of a green that
        // has no reason to end: the shortest trace, as breadth-first search promises.
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().problem()).isEqualTo("invariant \"every press served within 20 ticks\" broken");
        assertThat(result.trace().events()).hasSize(2 + 20)
                .filteredOn(event -> event instanceof Event.Press).hasSize(2);
        assertThat(result.trace().lastState().state().phase()).isEqualTo(Phase.EW_GREEN);
        System.out.println("expected: a controller that forgets a press, written broken on purpose;"
                + " the VIOLATION below shows the explorer caught it");
        System.out.println(result);
    }

    @Test
    void theForgottenPedestrianAsATimelineIsABarThatNeverEndsBesideAGreenThatNeverEnds() {
        var result = TrafficLightExploration.exploreResponse(TrafficLightExploration.forgetful(STANDARD), BOUND);

        List<TraceEvent> timeline = TrafficTimeline.of(result.counterexample().orElseThrow());

        assertThat(timeline).filteredOn(e -> e.kind() == Kind.ROLE).extracting(e -> "n" + e.node() + " " + e.text())
                .containsExactly("n1 green", "n2 red");
        assertThat(timeline).filteredOn(e -> e.kind() == Kind.REQUEST).hasSize(2).extracting(TraceEvent::peer).containsOnly(2);
        assertThat(timeline).noneMatch(e -> e.kind() == Kind.REPLY);
        assertThat(timeline).filteredOn(e -> e.kind() == Kind.STEP).hasSize(2 + 20);
        assertThat(timeline.get(timeline.size() - 1)).matches(e -> e.kind() == Kind.VIOLATION && e.time() == 22
                && e.text().equals("invariant \"every press served within 20 ticks\" broken after 22 events"));
    }

    @Test
    void aPressServedIsABarFromThePressToTheRedItAskedFor() {
        var result = TrafficLightExploration.exploreResponse(TrafficLightExploration.machine(STANDARD), BOUND - 1);

        List<TraceEvent> timeline = TrafficTimeline.of(result.counterexample().orElseThrow());

        assertThat(timeline).filteredOn(e -> e.kind() == Kind.REQUEST).singleElement()
                .matches(e -> e.time() == 1 && e.text().equals("press NS: EW to red"));
        assertThat(timeline).filteredOn(e -> e.kind() == Kind.ROLE).extracting(e -> e.time() + " n" + e.node() + " " + e.text())
                .containsExactly("0 n1 green", "0 n2 red", "16 n1 yellow");
    }
}
