package rafting.sim.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part1")
class ExplorerTest {

    /** Counts from 0 up to {@code top}, one "inc" at a time, and stops there. */
    static Machine<Integer, String> counter(int top) {
        return Machine.of(List.of(0), s -> List.of("inc"),
                (s, e) -> s < top ? Optional.of(s + 1) : Optional.empty());
    }

    @Test
    void visitsEveryStateOfACounterOnce() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(10)).legalEnd(s -> s == 10).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(11);
        assertThat(result.transitions()).isEqualTo(10);
        assertThat(result.depth()).isEqualTo(10);
        assertThat(result.counterexample()).isEmpty();
    }

    @Test
    void reportsAStateWithNoNextStateAsADeadlockUnlessItIsALegalEnd() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(3)).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.DEADLOCK);
        assertThat(result.trace().events()).containsExactly("inc", "inc", "inc");
        assertThat(result.trace().lastState()).isEqualTo(3);
        assertThat(result.trace().problem()).startsWith("deadlock");
    }

    @Test
    void findsTheShortestPathToABrokenInvariant() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(100))
                .legalEnd(s -> s == 100)
                .invariant("below eight", s -> s < 8)
                .run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().events()).hasSize(8);
        assertThat(result.trace().steps()).extracting(Trace.Step::state)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(result.trace().problem()).isEqualTo("invariant \"below eight\" broken");
        assertThat(result.toString()).contains("VIOLATION", "after 8 events", "(start)");
    }

    @Test
    void checksInvariantsInTheInitialStates() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(5)).invariant("positive", s -> s > 0).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().events()).isEmpty();
        assertThat(result.trace().lastState()).isZero();
    }

    @Test
    void countsInitialStatesWithEqualKeysOnce() {
        Machine<Integer, String> twoStarts = Machine.of(List.of(0, 5, 0), s -> List.of("inc"),
                (s, e) -> s < 6 ? Optional.of(s + 1) : Optional.empty());

        ExplorationResult<Integer, String> result = Explorer.of(twoStarts).legalEnd(s -> s == 6).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(7);
        assertThat(result.transitions()).isEqualTo(6); // one from each state below 6
    }

    @Test
    void aDepthBoundOfZeroChecksOnlyTheInitialStates() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(3)).maxDepth(0).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.BOUNDED);
        assertThat(result.states()).isEqualTo(1);
        assertThat(result.depth()).isZero();
    }

    @Test
    void countsTheTransitionsOfEachKindOfEvent() {
        ExplorationResult<Mutex, Step> result = Explorer.of(mutex(true))
                .kindOf(step -> step.action().name())
                .run();

        // From idle/idle either process may test-and-set; from each "in" state, its release.
        assertThat(result.fired()).containsExactly(entry("RELEASE", 2L), entry("TEST", 2L));
        assertThat(result.fired().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(result.transitions());
    }

    @Test
    void reportsAKindOfEventThatNeverFires() {
        ExplorationResult<Mutex, Step> result = Explorer.of(mutex(true))
                .kindOf(step -> step.action().name())
                .run();

        // In the atomic mutex, TEST takes the lock itself: a separate SET can never happen, so a
        // check about it would pass for nothing.
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.neverFired(List.of("TEST", "SET", "RELEASE"))).containsExactly("SET");
    }

    @Test
    void countsEventsByTheirClassUnlessToldOtherwise() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(4)).legalEnd(s -> s == 4).run();

        assertThat(result.fired()).containsExactly(entry("String", 4L));
    }

    @Test
    void aTimeLimitOfZeroChecksTheInitialStatesAndStops() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(1_000)).timeLimit(Duration.ZERO).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.BOUNDED);
        assertThat(result.states()).isEqualTo(1);
        assertThat(result.transitions()).isZero();
    }

    // --- a mutex whose test and set are two separate events: two processes can both get in ---

    enum Pc { IDLE, SAW_FREE, CRITICAL }

    record Mutex(Pc p0, Pc p1, boolean locked) {
        Pc pc(int i) {
            return i == 0 ? p0 : p1;
        }

        Mutex with(int i, Pc pc, boolean nowLocked) {
            return i == 0 ? new Mutex(pc, p1, nowLocked) : new Mutex(p0, pc, nowLocked);
        }
    }

    enum Action { TEST, SET, RELEASE }

    record Step(Action action, int process) {
        @Override
        public String toString() {
            return action.name().toLowerCase() + process;
        }
    }

    static final List<Step> MUTEX_EVENTS = List.of(new Step(Action.TEST, 0), new Step(Action.TEST, 1),
            new Step(Action.SET, 0), new Step(Action.SET, 1),
            new Step(Action.RELEASE, 0), new Step(Action.RELEASE, 1));

    /** With {@code atomic}, testing and setting the lock is one event (and correct). */
    static Machine<Mutex, Step> mutex(boolean atomic) {
        return Machine.of(List.of(new Mutex(Pc.IDLE, Pc.IDLE, false)), s -> MUTEX_EVENTS, (s, e) -> {
            int i = e.process();
            return switch (e.action()) {
                case TEST -> s.pc(i) == Pc.IDLE && !s.locked()
                        ? Optional.of(atomic ? s.with(i, Pc.CRITICAL, true) : s.with(i, Pc.SAW_FREE, false))
                        : Optional.empty();
                case SET -> s.pc(i) == Pc.SAW_FREE ? Optional.of(s.with(i, Pc.CRITICAL, true)) : Optional.empty();
                case RELEASE -> s.pc(i) == Pc.CRITICAL ? Optional.of(s.with(i, Pc.IDLE, false)) : Optional.empty();
            };
        });
    }

    static boolean mutualExclusion(Mutex s) {
        return !(s.p0() == Pc.CRITICAL && s.p1() == Pc.CRITICAL);
    }

    @Test
    void findsTheFourEventInterleavingThatBreaksATestThenSetMutex() {
        ExplorationResult<Mutex, Step> result = Explorer.of(mutex(false))
                .invariant("mutual exclusion", ExplorerTest::mutualExclusion)
                .run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        // Both processes see the lock free before either takes it.
        assertThat(result.trace().events()).extracting(Step::toString)
                .containsExactly("test0", "test1", "set0", "set1");
        assertThat(result.trace().lastState()).isEqualTo(new Mutex(Pc.CRITICAL, Pc.CRITICAL, true));
    }

    @Test
    void provesAnAtomicTestAndSetMutexSafeInThreeStates() {
        ExplorationResult<Mutex, Step> result = Explorer.of(mutex(true))
                .invariant("mutual exclusion", ExplorerTest::mutualExclusion)
                .run();

        // idle/idle, p0 in, p1 in; each "in" state is entered from idle/idle and left back to it.
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(3);
        assertThat(result.transitions()).isEqualTo(4);
    }

    // --- two processes taking two locks: in opposite orders they can deadlock ---

    /** pc 0: holds nothing, 1: holds its first lock, 2: holds both, 3: released both and done. */
    record Locks(int pc0, int pc1) {}

    /** Process 0 takes lock A then B; process 1 takes B then A, or A then B when {@code sameOrder}. */
    static Machine<Locks, Integer> twoLocks(boolean sameOrder) {
        return Machine.of(List.of(new Locks(0, 0)), s -> List.of(0, 1), (s, i) -> {
            int[] pc = {s.pc0(), s.pc1()};
            char[] first = {'A', sameOrder ? 'A' : 'B'};
            int other = 1 - i;
            char wanted = pc[i] == 0 ? first[i] : (first[i] == 'A' ? 'B' : 'A');
            boolean otherHolds = pc[other] == 2 || (pc[other] == 1 && first[other] == wanted);
            boolean canMove = switch (pc[i]) {
                case 0, 1 -> !otherHolds;
                case 2 -> true; // releases both locks
                default -> false; // done
            };
            if (!canMove) {
                return Optional.empty();
            }
            pc[i]++;
            return Optional.of(new Locks(pc[0], pc[1]));
        });
    }

    @Test
    void findsTheDeadlockOfLocksTakenInOppositeOrders() {
        ExplorationResult<Locks, Integer> result = Explorer.of(twoLocks(false))
                .legalEnd(s -> s.pc0() == 3 && s.pc1() == 3)
                .run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.DEADLOCK);
        assertThat(result.trace().events()).containsExactly(0, 1);
        assertThat(result.trace().lastState()).isEqualTo(new Locks(1, 1));
    }

    @Test
    void locksTakenInOneOrderNeverDeadlock() {
        ExplorationResult<Locks, Integer> result = Explorer.of(twoLocks(true))
                .legalEnd(s -> s.pc0() == 3 && s.pc1() == 3)
                .run();

        // 16 pairs of pcs minus the 4 where both would hold lock A (pc 1 or 2): 12 states.
        // Each has one move, except both-idle (two) and both-done (none): 12 transitions.
        // Both done takes 6 events.
        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(12);
        assertThat(result.transitions()).isEqualTo(12);
        assertThat(result.depth()).isEqualTo(6);
    }

    // --- bounds ---

    @Test
    void stopsAtTheDepthBoundAndSaysSo() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(100)).legalEnd(s -> s == 100)
                .maxDepth(10).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.BOUNDED);
        assertThat(result.states()).isEqualTo(11);
        assertThat(result.transitions()).isEqualTo(11);
        assertThat(result.depth()).isEqualTo(10);
        assertThat(result.noProblemFound()).isTrue();
    }

    @Test
    void aBoundTheMachineNeverReachesChangesNothing() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(100)).legalEnd(s -> s == 100)
                .maxDepth(100).maxStates(101).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(result.states()).isEqualTo(101);
    }

    @Test
    void stopsAtTheStateBoundAndSaysSo() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(100)).legalEnd(s -> s == 100)
                .maxStates(5).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.BOUNDED);
        assertThat(result.states()).isEqualTo(5);
    }

    @Test
    void stillFindsViolationsWithinTheBound() {
        ExplorationResult<Integer, String> result = Explorer.of(counter(100)).maxDepth(10)
                .invariant("below eight", s -> s < 8).run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().events()).hasSize(8);
    }

    @Test
    void rejectsNonsenseBounds() {
        assertThatThrownBy(() -> Explorer.of(counter(1)).maxDepth(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
        assertThatThrownBy(() -> Explorer.of(counter(1)).maxStates(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStates");
    }

    // --- step properties ---

    @Test
    void checksStepPropertiesOnEveryEvent() {
        Machine<Integer, String> wrapping = Machine.of(List.of(0), s -> List.of("inc"),
                (s, e) -> Optional.of((s + 1) % 5));

        ExplorationResult<Integer, String> result = Explorer.of(wrapping)
                .stepProperty("never goes back", (before, event, after) -> after >= before)
                .run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.VIOLATION);
        assertThat(result.trace().steps()).extracting(Trace.Step::state).containsExactly(0, 1, 2, 3, 4, 0);
        assertThat(result.trace().problem()).isEqualTo("step property \"never goes back\" broken");
    }

    @Test
    void prefersADeadlockToAStepFailureOneEventLonger() {
        // 0 -b-> 2 -c-> 3 breaks the step property (two events); 0 -a-> 1 is stuck (one event).
        Machine<Integer, String> machine = Machine.of(List.of(0), s -> List.of("b", "a", "c"),
                (s, e) -> switch (s + e) {
                    case "0b" -> Optional.of(2);
                    case "0a" -> Optional.of(1);
                    case "2c" -> Optional.of(3);
                    default -> Optional.empty();
                });

        ExplorationResult<Integer, String> result = Explorer.of(machine)
                .stepProperty("never reaches 3", (before, event, after) -> after != 3)
                .legalEnd(s -> s == 3)
                .run();

        assertThat(result.verdict()).isEqualTo(ExplorationResult.Verdict.DEADLOCK);
        assertThat(result.trace().events()).containsExactly("a");
    }

    // --- keys ---

    /** A counter that also remembers how it got there, which no check cares about. */
    record Tracked(int value, List<String> history) {}

    @Test
    void aKeyMergesStatesThatDifferOnlyInWhatNoCheckCaresAbout() {
        Machine<Tracked, String> machine = Machine.of(List.of(new Tracked(0, List.of())),
                s -> List.of("up", "down"), (s, e) -> {
                    int value = e.equals("up") ? s.value() + 1 : s.value() - 1;
                    if (value < 0 || value > 3) {
                        return Optional.empty();
                    }
                    List<String> history = new java.util.ArrayList<>(s.history());
                    history.add(e);
                    return Optional.of(new Tracked(value, List.copyOf(history)));
                });

        ExplorationResult<Tracked, String> byValue = Explorer.of(machine).key(Tracked::value).maxDepth(8).run();
        ExplorationResult<Tracked, String> byWholeState = Explorer.of(machine).maxDepth(8).run();

        assertThat(byValue.verdict()).isEqualTo(ExplorationResult.Verdict.PASSED);
        assertThat(byValue.states()).isEqualTo(4);
        // Whole states: every path of up to 8 steps within 0..3 is a state of its own.
        assertThat(byWholeState.verdict()).isEqualTo(ExplorationResult.Verdict.BOUNDED);
        assertThat(byWholeState.states()).isGreaterThan(4);
    }

    @Test
    void saysSoWhenTheMachineIsNotDeterministic() {
        AtomicInteger calls = new AtomicInteger();
        Machine<Integer, String> flaky = Machine.of(List.of(0), s -> List.of("inc"),
                (s, e) -> Optional.of(s + 1 + (calls.incrementAndGet() > 3 ? 1 : 0)));

        assertThatThrownBy(() -> Explorer.of(flaky).invariant("small", s -> s < 3).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not deterministic");
    }
}
