package rafting.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Long seeded runs of random ticks and presses, checked at every step by an observer that knows
 * the rules but not the controller's code: it sees only the colors and the events.
 */
@Tag("part1")
class RandomRunTest {

    record Run(long seed, Timings timings, int steps) {
    }

    static Stream<Run> runs() {
        return Stream.of(
                new Run(1, Timings.DEFAULT, 200_000),
                new Run(2, Timings.DEFAULT, 200_000),
                new Run(3, Timings.of(3, 4, 1, 2), 200_000),
                new Run(4, Timings.of(2, 2, 1, 0), 200_000),
                new Run(5, Timings.of(5, 5, 2, 5), 200_000));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void neverTwoLightsNotRedAndEveryTimingRuleHolds(Run run) {
        Controller controller = Controller.of(run.timings());
        Observer observer = new Observer(run.timings());
        Random random = new Random(run.seed());
        State state = controller.initial();
        observer.start(state);
        for (int step = 0; step < run.steps(); step++) {
            double dice = random.nextDouble();
            Event event = dice < 0.8 ? Event.TICK : Event.press(dice < 0.9 ? Direction.NS : Direction.EW);
            state = controller.next(state, event);
            observer.check(event, state, "seed " + run.seed() + " step " + step);
        }
        assertThat(observer.pressesServed).as("the run exercised presses").isGreaterThan(100);
        if (run.timings().minGreen() > 0) {
            assertThat(observer.pressesWaited).as("the run exercised remembered presses").isGreaterThan(10);
        }
    }

    /** The rules, stated from what a pedestrian sees. */
    private static final class Observer {
        private final Timings timings;
        private final Map<Direction, Color> colors = new EnumMap<>(Direction.class);
        private final Map<Direction, Integer> secondsInColor = new EnumMap<>(Direction.class);
        private final Map<Direction, Boolean> pressWaiting = new EnumMap<>(Direction.class);
        int pressesServed;
        int pressesWaited;

        Observer(Timings timings) {
            this.timings = timings;
        }

        void start(State state) {
            for (Direction light : Direction.values()) {
                colors.put(light, state.color(light));
                secondsInColor.put(light, 0);
                pressWaiting.put(light, false);
            }
        }

        int green(Direction light) {
            return light == Direction.EW ? timings.ewGreen() : timings.nsGreen();
        }

        void check(Event event, State state, String where) {
            assertThat(state.color(Direction.EW) == Color.RED || state.color(Direction.NS) == Color.RED)
                    .as("%s: at most one direction not red, in %s", where, state).isTrue();
            if (event instanceof Event.Press press && colors.get(press.light()) == Color.GREEN
                    && !pressWaiting.get(press.light())) {
                pressWaiting.put(press.light(), true);
                if (secondsInColor.get(press.light()) < timings.minGreen()) {
                    pressesWaited++;
                }
            }
            Map<Direction, Color> previous = new EnumMap<>(colors);
            for (Direction light : Direction.values()) {
                Color before = previous.get(light);
                Color after = state.color(light);
                int seconds = secondsInColor.get(light) + (event == Event.TICK ? 1 : 0);
                if (before != after) {
                    checkChange(light, before, after, seconds, previous, where + " in " + state);
                    colors.put(light, after);
                    secondsInColor.put(light, 0);
                    pressWaiting.put(light, false);
                } else {
                    checkStay(light, after, seconds, where + " in " + state);
                    secondsInColor.put(light, seconds);
                }
            }
        }

        private void checkChange(Direction light, Color before, Color after, int seconds,
                Map<Direction, Color> previous, String where) {
            switch (before) {
                case GREEN -> {
                    assertThat(after).as("%s: green turns yellow", where).isEqualTo(Color.YELLOW);
                    boolean served = pressWaiting.get(light) && seconds >= timings.minGreen();
                    assertThat(seconds == green(light) || served)
                            .as("%s: %s turned yellow after %d s of green without a reason", where, light, seconds)
                            .isTrue();
                    if (served) {
                        pressesServed++;
                    }
                }
                case YELLOW -> {
                    assertThat(after).as("%s: yellow turns red", where).isEqualTo(Color.RED);
                    assertThat(seconds).as("%s: yellow lasts exactly", where).isEqualTo(timings.yellow());
                }
                case RED -> {
                    assertThat(after).as("%s: red turns green", where).isEqualTo(Color.GREEN);
                    assertThat(previous.get(light.other())).as("%s: the other light was yellow", where)
                            .isEqualTo(Color.YELLOW);
                }
            }
        }

        private void checkStay(Direction light, Color color, int seconds, String where) {
            if (color == Color.GREEN) {
                assertThat(seconds).as("%s: %s green too long", where, light).isLessThan(green(light));
                if (pressWaiting.get(light)) {
                    assertThat(seconds).as("%s: a press for %s was not served by the minimum green", where, light)
                            .isLessThan(Math.max(timings.minGreen(), 1));
                }
            } else if (color == Color.YELLOW) {
                assertThat(seconds).as("%s: yellow too long", where).isLessThan(timings.yellow());
            }
        }
    }
}
