package rafting.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static rafting.traffic.Direction.EW;
import static rafting.traffic.Direction.NS;
import static rafting.traffic.Phase.EW_GREEN;
import static rafting.traffic.Phase.EW_YELLOW;
import static rafting.traffic.Phase.NS_GREEN;
import static rafting.traffic.Phase.NS_YELLOW;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every timing rule and every button case, stepped one event at a time: the clock is the tick. */
@Tag("part1")
class ControllerTest {

    private final Controller controller = Controller.standard();

    private State ticks(State state, int seconds) {
        for (int i = 0; i < seconds; i++) {
            state = controller.next(state, Event.TICK);
        }
        return state;
    }

    private State press(State state, Direction button) {
        return controller.next(state, Event.press(button));
    }

    /** Ticks until the phase changes; returns how many seconds that took. */
    private int secondsUntilPhaseChanges(State state) {
        Phase start = state.phase();
        for (int seconds = 1; seconds <= 1000; seconds++) {
            state = controller.next(state, Event.TICK);
            if (state.phase() != start) {
                return seconds;
            }
        }
        throw new AssertionError("phase " + start + " never ends");
    }

    @Test
    void startsWithEastWestGreenAndNorthSouthRed() {
        State start = controller.initial();

        assertThat(start).isEqualTo(State.of(EW_GREEN, 0, false));
        assertThat(start.color(EW)).isEqualTo(Color.GREEN);
        assertThat(start.color(NS)).isEqualTo(Color.RED);
    }

    @Test
    void withoutPressesTheLightsCycleWithTheWorkshopTimings() {
        State state = controller.initial();

        assertThat(ticks(state, 29).phase()).as("EW green for 30 s").isEqualTo(EW_GREEN);
        state = ticks(state, 30);
        assertThat(state).isEqualTo(State.of(EW_YELLOW, 0, false));
        assertThat(state.color(NS)).isEqualTo(Color.RED);
        assertThat(ticks(state, 4).phase()).as("yellow for 5 s").isEqualTo(EW_YELLOW);
        state = ticks(state, 5);
        assertThat(state).as("yellow turns red and the other light green at once")
                .isEqualTo(State.of(NS_GREEN, 0, false));
        assertThat(ticks(state, 59).phase()).as("NS green for 60 s").isEqualTo(NS_GREEN);
        state = ticks(state, 60);
        assertThat(state.phase()).isEqualTo(NS_YELLOW);
        state = ticks(state, 5);
        assertThat(state).as("a full cycle is 100 s").isEqualTo(controller.initial());
    }

    /** A press of {@code button} at second {@code pressAt} of the green it concerns. */
    record PressCase(Direction button, int pressAt, int yellowAt) {
        @Override
        public String toString() {
            return "button " + button + " pressed at second " + pressAt + " of " + Phase.greenFor(button.other())
                    + " -> yellow at second " + yellowAt;
        }
    }

    static Stream<PressCase> pressesDuringGreen() {
        return Stream.of(
                new PressCase(NS, 0, 15),   // too early: remembered until the minimum green
                new PressCase(NS, 14, 15),
                new PressCase(NS, 15, 15),  // at the minimum green: at once
                new PressCase(NS, 29, 29),  // last second of the EW green: at once
                new PressCase(EW, 0, 15),
                new PressCase(EW, 14, 15),
                new PressCase(EW, 15, 15),
                new PressCase(EW, 29, 29),
                new PressCase(EW, 59, 59)); // last second of the NS green
    }

    @ParameterizedTest
    @MethodSource("pressesDuringGreen")
    void aPressTurnsTheGreenLightYellowAtOnceOrWhenTheMinimumGreenIsReached(PressCase c) {
        Phase green = Phase.greenFor(c.button().other());
        State state = ticks(State.of(green, 0, false), c.pressAt());

        state = press(state, c.button());

        if (c.yellowAt() == c.pressAt()) {
            assertThat(state).isEqualTo(State.of(green.next(), 0, false));
        } else {
            assertThat(state).isEqualTo(State.of(green, c.pressAt(), true));
            assertThat(c.pressAt() + secondsUntilPhaseChanges(state)).isEqualTo(c.yellowAt());
        }
    }

    @Test
    void aRememberedPressIsServedOnceThenForgotten() {
        State state = press(State.of(EW_GREEN, 3, false), NS);
        state = ticks(state, 12);
        assertThat(state).isEqualTo(State.of(EW_YELLOW, 0, false));

        state = ticks(state, 5);
        assertThat(state).isEqualTo(State.of(NS_GREEN, 0, false));
        assertThat(secondsUntilPhaseChanges(state)).as("the next green is not shortened").isEqualTo(60);
    }

    @Test
    void aSecondPressWhileWaitingChangesNothing() {
        State waiting = press(State.of(NS_GREEN, 2, false), EW);

        assertThat(press(waiting, EW)).isEqualTo(waiting);
        assertThat(press(ticks(waiting, 5), EW)).isEqualTo(State.of(NS_GREEN, 7, true));
    }

    record IgnoredCase(State state, Direction button, String why) {
        @Override
        public String toString() {
            return "button " + button + " in " + state + ": " + why;
        }
    }

    static Stream<IgnoredCase> ignoredPresses() {
        return Stream.of(
                new IgnoredCase(State.of(EW_YELLOW, 0, false), NS, "EW is already turning red"),
                new IgnoredCase(State.of(EW_YELLOW, 4, false), NS, "EW is already turning red"),
                new IgnoredCase(State.of(NS_YELLOW, 2, false), EW, "NS is already turning red"),
                new IgnoredCase(State.of(NS_GREEN, 0, false), NS, "EW is red"),
                new IgnoredCase(State.of(NS_GREEN, 40, false), NS, "EW is red"),
                new IgnoredCase(State.of(NS_YELLOW, 3, false), NS, "EW is red, about to turn green"),
                new IgnoredCase(State.of(EW_GREEN, 20, false), EW, "NS is red"),
                new IgnoredCase(State.of(EW_GREEN, 5, true), EW, "NS is red; EW's own press still waits"),
                new IgnoredCase(State.of(EW_YELLOW, 1, false), EW, "NS is red, about to turn green"));
    }

    @ParameterizedTest
    @MethodSource("ignoredPresses")
    void aPressForALightThatIsYellowOrRedIsIgnored(IgnoredCase c) {
        assertThat(press(c.state(), c.button())).isEqualTo(c.state());
    }

    @Test
    void aPressIgnoredDuringRedIsNotRememberedForTheNextGreen() {
        State state = press(State.of(NS_YELLOW, 4, false), NS); // EW red, one second from green
        state = ticks(state, 1);

        assertThat(state).isEqualTo(State.of(EW_GREEN, 0, false));
        assertThat(secondsUntilPhaseChanges(state)).isEqualTo(30);
    }

    @Test
    void bothButtonsAtOnceServeTheGreenLightInEitherOrder() {
        State late = State.of(EW_GREEN, 20, false);
        State early = State.of(NS_GREEN, 5, false);

        assertThat(press(press(late, NS), EW)).isEqualTo(State.of(EW_YELLOW, 0, false));
        assertThat(press(press(late, EW), NS)).isEqualTo(State.of(EW_YELLOW, 0, false));
        assertThat(press(press(early, NS), EW)).isEqualTo(State.of(NS_GREEN, 5, true));
        assertThat(press(press(early, EW), NS)).isEqualTo(State.of(NS_GREEN, 5, true));
        assertThat(press(press(State.of(NS_YELLOW, 1, false), NS), EW)).isEqualTo(State.of(NS_YELLOW, 1, false));
    }

    @Test
    void aMinimumGreenOfZeroServesEveryPressAtOnce() {
        Controller eager = Controller.of(Timings.of(3, 4, 1, 0));

        assertThat(eager.next(State.INITIAL, Event.press(NS))).isEqualTo(State.of(EW_YELLOW, 0, false));
    }

    @Test
    void theStateSpaceIsSmallAndEveryStateHasASuccessor() {
        // 30 + 15 EW green states (seconds 0-29, and 0-14 with a press waiting), 60 + 15 NS green, 5 + 5 yellow.
        assertThat(reachableStates(controller)).isEqualTo(130);
        assertThat(reachableStates(Controller.of(Timings.of(3, 4, 1, 2)))).isEqualTo(3 + 2 + 4 + 2 + 1 + 1);
    }

    private static int reachableStates(Controller controller) {
        Set<State> seen = new HashSet<>(Set.of(controller.initial()));
        ArrayDeque<State> frontier = new ArrayDeque<>(seen);
        while (!frontier.isEmpty()) {
            State state = frontier.poll();
            assertThat(state.elapsed()).isLessThan(controller.timings().duration(state.phase()));
            for (Event event : controller.events()) {
                State next = controller.next(state, event);
                if (seen.add(next)) {
                    frontier.add(next);
                }
            }
        }
        return seen.size();
    }

    @Test
    void timingsAreCheckedWhenMade() {
        assertThatThrownBy(() -> Timings.of(30, 60, 0, 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one second");
        assertThatThrownBy(() -> Timings.of(10, 60, 5, 15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimum green");
        assertThatThrownBy(() -> State.of(EW_YELLOW, 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Timings.DEFAULT).isEqualTo(Timings.of(30, 60, 5, 15));
    }

    @Test
    void statesAndEventsReadLikeATrace() {
        assertThat(State.of(NS_GREEN, 14, true)).hasToString("NS_GREEN 14s pending");
        assertThat(Event.press(NS)).hasToString("Press NS");
        assertThat(Event.TICK).hasToString("Tick");
    }
}
