package rafting.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.events.EventLoop;
import rafting.events.ManualClock;

/** The runtime on a loop driven by hand: real timers, a manual clock, no threads, no sleeps. */
@Tag("part2")
class ControllerRuntimeTest {

    private final ManualClock clock = ManualClock.create();
    private final EventLoop loop = EventLoop.create("controller", clock);
    private final List<State> shown = new ArrayList<>();

    private ControllerRuntime start(Duration second) {
        return ControllerRuntime.start(Controller.standard(), loop, second, shown::add);
    }

    private State last() {
        return shown.get(shown.size() - 1);
    }

    @Test
    void showsTheInitialStateAtOnceThenOneStatePerSecond() {
        start(Duration.ofSeconds(1));
        loop.runPending();
        assertThat(shown).containsExactly(State.INITIAL);

        loop.advance(Duration.ofSeconds(29));
        assertThat(shown).hasSize(30);
        assertThat(last()).isEqualTo(State.of(Phase.EW_GREEN, 29, false));
        loop.advance(Duration.ofSeconds(1));
        assertThat(last()).isEqualTo(State.of(Phase.EW_YELLOW, 0, false));
    }

    @Test
    void aPressAfterTheMinimumGreenActsBeforeTheNextTick() {
        ControllerRuntime runtime = start(Duration.ofSeconds(1));
        loop.advance(Duration.ofMillis(20_500));

        runtime.press(Direction.NS);
        loop.runPending();

        assertThat(last()).isEqualTo(State.of(Phase.EW_YELLOW, 0, false));
        assertThat(runtime.state()).isEqualTo(last());
        assertThat(clock.nanos()).isEqualTo(Duration.ofMillis(20_500).toNanos());
    }

    @Test
    void anEarlyPressIsServedAtTheMinimumGreen() {
        ControllerRuntime runtime = start(Duration.ofSeconds(1));
        loop.advance(Duration.ofSeconds(3));
        runtime.press(Direction.NS);

        loop.advance(Duration.ofSeconds(11));
        assertThat(last()).isEqualTo(State.of(Phase.EW_GREEN, 14, true));
        loop.advance(Duration.ofSeconds(1));
        assertThat(last()).isEqualTo(State.of(Phase.EW_YELLOW, 0, false));
    }

    @Test
    void aShorterSecondRunsTheSameMachineFaster() {
        start(Duration.ofMillis(100));

        loop.advance(Duration.ofSeconds(3)); // 30 controller seconds
        assertThat(last()).isEqualTo(State.of(Phase.EW_YELLOW, 0, false));
        loop.advance(Duration.ofMillis(500));
        assertThat(last()).isEqualTo(State.of(Phase.NS_GREEN, 0, false));
    }

    @Test
    void aStoppedRuntimeRefusesPressesAndStopsTicking() {
        ControllerRuntime runtime = start(Duration.ofSeconds(1));
        loop.advance(Duration.ofSeconds(2));
        loop.close();

        assertThat(runtime.press(Direction.NS)).isFalse();
        loop.advance(Duration.ofSeconds(10));
        assertThat(last()).isEqualTo(State.of(Phase.EW_GREEN, 2, false));
    }
}
