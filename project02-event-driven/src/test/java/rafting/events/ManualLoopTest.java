package rafting.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The loop driven by hand on a manual clock: timers, order, batches, failures. No threads, no sleeps. */
@Tag("part1")
class ManualLoopTest {

    private final ManualClock clock = ManualClock.create();
    private final EventLoop loop = EventLoop.create("test", clock);
    private final List<String> log = new ArrayList<>();

    private Runnable record(String what) {
        return () -> log.add(what + "@" + Duration.ofNanos(clock.nanos()).toSeconds());
    }

    @Test
    void runsPostedEventsInOrderOnlyWhenAsked() {
        loop.post(record("a"));
        loop.post(record("b"));
        assertThat(log).isEmpty();

        assertThat(loop.runPending()).isEqualTo(2);
        assertThat(log).containsExactly("a@0", "b@0");
    }

    @Test
    void aTimerFiresWhenDueAndNotBefore() {
        loop.schedule(Duration.ofSeconds(5), record("t"));

        loop.advance(Duration.ofMillis(4999));
        assertThat(log).isEmpty();
        loop.advance(Duration.ofMillis(1));
        assertThat(log).containsExactly("t@5");
        loop.advance(Duration.ofSeconds(100));
        assertThat(log).as("a one-shot timer fires once").containsExactly("t@5");
    }

    @Test
    void timersFireInDeadlineOrderTiesInSchedulingOrder() {
        loop.schedule(Duration.ofSeconds(3), record("c"));
        loop.schedule(Duration.ofSeconds(1), record("a"));
        loop.schedule(Duration.ofSeconds(3), record("d"));
        loop.schedule(Duration.ofSeconds(2), record("b"));
        loop.schedule(Duration.ofSeconds(3), record("e"));

        loop.advance(Duration.ofSeconds(10));

        assertThat(log).containsExactly("a@1", "b@2", "c@3", "d@3", "e@3");
        assertThat(clock.nanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void aTimerScheduledByATimerFiresInsideTheSameWindowAtItsOwnTime() {
        loop.schedule(Duration.ofSeconds(2), () -> {
            log.add("first@" + Duration.ofNanos(clock.nanos()).toSeconds());
            loop.schedule(Duration.ofSeconds(3), record("second"));
            loop.schedule(Duration.ofSeconds(9), record("too late"));
        });

        loop.advance(Duration.ofSeconds(10));

        assertThat(log).containsExactly("first@2", "second@5");
        loop.advance(Duration.ofSeconds(1));
        assertThat(log).containsExactly("first@2", "second@5", "too late@11");
    }

    @Test
    void aPeriodicTimerFiresEveryPeriodWithoutDrift() {
        loop.scheduleEvery(Duration.ofSeconds(1), record("tick"));

        loop.advance(Duration.ofMillis(3500));
        assertThat(log).containsExactly("tick@1", "tick@2", "tick@3");
        loop.advance(Duration.ofMillis(500));
        assertThat(log).containsExactly("tick@1", "tick@2", "tick@3", "tick@4");
    }

    @Test
    void aCancelledTimerNeverFires() {
        Timer once = loop.schedule(Duration.ofSeconds(1), record("once"));
        Timer every = loop.scheduleEvery(Duration.ofSeconds(1), record("every"));
        loop.advance(Duration.ofSeconds(2));
        assertThat(log).containsExactly("once@1", "every@1", "every@2");

        assertThat(once.cancel()).as("a fired one-shot timer has nothing left to cancel").isFalse();
        assertThat(every.cancel()).isTrue();
        assertThat(every.cancel()).as("cancelling twice").isFalse();
        loop.advance(Duration.ofSeconds(5));

        assertThat(log).containsExactly("once@1", "every@1", "every@2");
        assertThat(every.isDone()).isTrue();
    }

    @Test
    void aTimerCancelledByAnEarlierHandlerOfTheSameBatchDoesNotFire() {
        List<Timer> later = new ArrayList<>();
        loop.schedule(Duration.ofSeconds(1), () -> later.get(0).cancel());
        later.add(loop.schedule(Duration.ofSeconds(1), record("cancelled")));

        loop.advance(Duration.ofSeconds(1));

        assertThat(log).isEmpty();
    }

    @Test
    void aPeriodicTimerCanCancelItself() {
        List<Timer> self = new ArrayList<>();
        self.add(loop.scheduleEvery(Duration.ofSeconds(1), () -> {
            log.add("tick");
            if (log.size() == 3) {
                self.get(0).cancel();
            }
        }));

        loop.advance(Duration.ofSeconds(10));

        assertThat(log).containsExactly("tick", "tick", "tick");
    }

    @Test
    void theHookRunsOnceAfterEachBatchOfWaitingEvents() {
        loop.afterEachBatch(() -> log.add("flush"));
        loop.post(record("a"));
        loop.post(() -> {
            log.add("b");
            loop.post(record("posted by b")); // arrives after the batch was taken: next batch
        });
        loop.post(record("c"));

        loop.runPending();

        assertThat(log).containsExactly("a@0", "b", "c@0", "flush", "posted by b@0", "flush");
    }

    @Test
    void timersDueTogetherShareOneBatchWithTheWaitingEvents() {
        loop.afterEachBatch(() -> log.add("flush"));
        loop.schedule(Duration.ofSeconds(1), record("t1"));
        loop.schedule(Duration.ofSeconds(1), record("t2"));
        loop.advance(Duration.ofMillis(999));
        loop.post(record("e"));
        clock.advance(Duration.ofMillis(1)); // time passes while the event waits

        loop.runPending();

        assertThat(log).as("due timers first, then waiting events, then one flush")
                .containsExactly("t1@1", "t2@1", "e@1", "flush");
    }

    @Test
    void aHandlerThatThrowsIsCountedAndTheLoopGoesOn() {
        loop.post(record("before"));
        loop.post(() -> {
            throw new IllegalStateException("boom");
        });
        loop.schedule(Duration.ofSeconds(1), () -> {
            throw new ArithmeticException("timer boom");
        });
        loop.post(record("after"));

        loop.advance(Duration.ofSeconds(1));
        loop.post(record("later"));
        loop.runPending();

        assertThat(log).containsExactly("before@0", "after@0", "later@1");
        assertThat(loop.failures()).isEqualTo(2);
    }

    @Test
    void afterStopNewEventsAreRefusedAndAcceptedOnesStillRun() throws Exception {
        loop.post(record("accepted"));
        loop.scheduleEvery(Duration.ofSeconds(1), record("tick"));
        loop.stop();

        assertThat(loop.post(record("refused"))).isFalse();
        assertThatThrownBy(() -> loop.execute(record("refused")))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
        assertThat(loop.schedule(Duration.ZERO, record("refused")).isDone()).isTrue();
        assertThat(loop.awaitTermination(Duration.ZERO)).isFalse();

        loop.advance(Duration.ofSeconds(3));

        assertThat(log).as("timers stop firing once stop is asked").containsExactly("accepted@0");
        assertThat(loop.awaitTermination(Duration.ZERO)).isTrue();
    }

    @Test
    void aManualClockCannotDriveAThreadAndOnlyAManualClockCanBeAdvanced() {
        assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("manual clock");
        EventLoop real = EventLoop.create("real");
        assertThatThrownBy(() -> real.advance(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ManualClock");
        assertThatThrownBy(() -> loop.scheduleEvery(Duration.ZERO, record("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailStopLoopHandsTheFirstThrowToItsActionAndRunsNothingAfterIt() {
        var thrown = new ArrayList<Throwable>();
        loop.failStop(thrown::add);
        loop.post(record("a"));
        loop.post(() -> {
            throw new StackOverflowError("deep");
        });
        loop.post(record("b"));
        loop.schedule(Duration.ofSeconds(1), record("t"));

        loop.advance(Duration.ofSeconds(2));

        assertThat(log).containsExactly("a@0");
        assertThat(thrown).singleElement().isInstanceOf(StackOverflowError.class);
        assertThat(loop.post(record("c"))).as("stopped").isFalse();
    }

    @Test
    void offerRefusesPastTheCapacity_postNever() {
        loop.withCapacity(2);
        assertThat(loop.offer(record("a"))).isTrue();
        assertThat(loop.offer(record("b"))).isTrue();
        assertThat(loop.offer(record("c"))).as("two are waiting").isFalse();
        assertThat(loop.post(record("d"))).as("the loop's own follow-ups always go in").isTrue();

        loop.runPending();
        assertThat(loop.offer(record("e"))).isTrue();
        loop.runPending();
        assertThat(log).containsExactly("a@0", "b@0", "d@0", "e@0");
    }
}
