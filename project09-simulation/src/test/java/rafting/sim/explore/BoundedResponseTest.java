package rafting.sim.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * "Every press of the walk button is served within N ticks", checked by letting an observer ride
 * along and count the ticks since the oldest press not yet served.
 */
@Tag("part1")
class BoundedResponseTest {

    static final int MIN_GREEN = 3;
    static final int WALK_TICKS = 2;

    enum Phase { CARS, WALK }

    enum Event { TICK, PRESS }

    /** A pedestrian crossing: the cars keep green at least MIN_GREEN ticks, the walk lasts WALK_TICKS. */
    record Crossing(Phase phase, int timer, boolean requested) {}

    /** With {@code toggleBug}, a second press cancels the first instead of being ignored. */
    static Machine<Crossing, Event> crossing(boolean toggleBug) {
        return Machine.of(List.of(new Crossing(Phase.CARS, 0, false)), s -> List.of(Event.values()),
                (s, e) -> Optional.of(switch (e) {
                    case PRESS -> s.phase() == Phase.WALK ? s
                            : new Crossing(s.phase(), s.timer(), toggleBug ? !s.requested() : true);
                    case TICK -> tick(s);
                }));
    }

    static Crossing tick(Crossing s) {
        int timer = s.timer() + 1;
        if (s.phase() == Phase.CARS) {
            return s.requested() && timer >= MIN_GREEN ? new Crossing(Phase.WALK, 0, false)
                    : new Crossing(Phase.CARS, Math.min(timer, MIN_GREEN), s.requested());
        }
        return timer >= WALK_TICKS ? new Crossing(Phase.CARS, 0, false) : new Crossing(Phase.WALK, timer, false);
    }

    /** Ticks since the oldest press not yet served, or -1 when nobody waits; stops counting at 10. */
    static Integer waiting(Integer waited, Crossing before, Event event, Crossing after) {
        if (after.phase() == Phase.WALK) {
            return -1;
        }
        if (event == Event.PRESS) {
            return waited < 0 ? 0 : waited;
        }
        return waited < 0 ? -1 : Math.min(waited + 1, 10);
    }

    static ExplorationResult<Machine.Observed<Crossing, Integer>, Event> servedWithin(int ticks, boolean toggleBug) {
        return Explorer.of(crossing(toggleBug).observed(-1, BoundedResponseTest::waiting))
                .invariant("every press served within " + ticks + " ticks", s -> s.observation() < ticks)
                .run();
    }

    @Test
    void servesEveryPressWithinTheMinimumGreenTime() {
        ExplorationResult<Machine.Observed<Crossing, Integer>, Event> result = servedWithin(MIN_GREEN, false);

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
    }

    @Test
    void aTighterBoundFailsOnAPressRightAfterTheCarsGotGreen() {
        ExplorationResult<Machine.Observed<Crossing, Integer>, Event> result = servedWithin(MIN_GREEN - 1, false);

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().events()).containsExactly(Event.PRESS, Event.TICK, Event.TICK);
        assertThat(result.trace().lastState().observation()).isEqualTo(MIN_GREEN - 1);
    }

    @Test
    void findsThePressThatCancelsAnother() {
        ExplorationResult<Machine.Observed<Crossing, Integer>, Event> result = servedWithin(MIN_GREEN, true);

        // Two presses and three ticks: the shortest way to wait MIN_GREEN ticks unserved.
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().events()).hasSize(5)
                .containsOnly(Event.PRESS, Event.TICK)
                .filteredOn(e -> e == Event.PRESS).hasSize(2);
        assertThat(result.trace().lastState().state().requested()).isFalse();
    }
}
