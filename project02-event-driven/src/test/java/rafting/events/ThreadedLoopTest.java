package rafting.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The loop on its own thread and the system clock. Waits are on conditions, with deadlines. */
@Tag("part2")
class ThreadedLoopTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final EventLoop loop = EventLoop.create("threaded");

    @AfterEach
    void stopLoop() throws InterruptedException {
        loop.close();
        assertThat(loop.awaitTermination(DEADLINE)).isTrue();
    }

    @Test
    void eventsPostedFromManyThreadsRunOneAtATimeOnTheLoopThread() throws Exception {
        loop.start();
        int threads = 4;
        int perThread = 10_000;
        int[] unguarded = {0}; // touched only by the loop thread, so it needs no lock
        AtomicInteger offLoop = new AtomicInteger();
        CountDownLatch allRan = new CountDownLatch(threads * perThread);
        List<Thread> posters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread poster = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    loop.post(() -> {
                        if (!loop.inLoop()) {
                            offLoop.incrementAndGet();
                        }
                        unguarded[0]++;
                        allRan.countDown();
                    });
                }
            });
            posters.add(poster);
            poster.start();
        }
        for (Thread poster : posters) {
            poster.join(DEADLINE.toMillis());
        }

        assertThat(allRan.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        CountDownLatch read = new CountDownLatch(1);
        int[] seen = new int[1];
        loop.post(() -> {
            seen[0] = unguarded[0];
            read.countDown();
        });
        assertThat(read.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(seen[0]).isEqualTo(threads * perThread);
        assertThat(offLoop).hasValue(0);
    }

    @Test
    void timersFireOnTheLoopThreadInDeadlineOrder() throws Exception {
        // A clock the test holds still, so that a pause between two schedule calls cannot move
        // the deadlines: only the order of the deadlines is under test here.
        AtomicLong now = new AtomicLong();
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(3);
        try (EventLoop held = EventLoop.create("held-clock", now::get).start()) {
            held.schedule(Duration.ofMillis(60), () -> { fired.add("c"); done.countDown(); });
            held.schedule(Duration.ofMillis(20), () -> { fired.add("a"); done.countDown(); });
            held.schedule(Duration.ofMillis(40), () -> {
                fired.add(held.inLoop() ? "b" : "b off the loop");
                done.countDown();
            });

            now.set(Duration.ofMillis(100).toNanos());
            held.post(() -> { }); // wakes the loop, which finds all three due

            assertThat(done.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        }
        assertThat(fired).containsExactly("a", "b", "c");
    }

    @Test
    void aTimerScheduledFromAnotherThreadWakesASleepingLoop() throws Exception {
        loop.start();
        loop.schedule(Duration.ofHours(1), () -> { });  // the loop now waits for an hour
        CountDownLatch fired = new CountDownLatch(1);

        loop.schedule(Duration.ofMillis(1), fired::countDown);

        assertThat(fired.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void stopRunsEveryAcceptedEventThenEndsTheThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        loop.start();
        loop.post(() -> {
            try {
                gate.await(); // holds the loop while more events queue up behind it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < 1000; i++) {
            assertThat(loop.post(ran::incrementAndGet)).isTrue();
        }

        loop.stop();
        assertThat(loop.post(ran::incrementAndGet)).as("refused after stop").isFalse();
        gate.countDown();

        assertThat(loop.awaitTermination(DEADLINE)).isTrue();
        assertThat(ran).hasValue(1000);
        loop.close(); // joins the thread, which may still be on its way out after the last event
        assertThat(threadsNamed("threaded")).isZero();
    }

    @Test
    void theHookSeesEveryEventThatWasWaiting() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inBatch = new AtomicInteger();
        CountDownLatch holding = new CountDownLatch(1);
        loop.afterEachBatch(() -> batchSizes.add(inBatch.getAndSet(0))).start();
        loop.post(() -> {
            holding.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // Once the loop is held inside the first batch, the next ten events wait together.
        assertThat(holding.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            loop.post(inBatch::incrementAndGet);
        }
        gate.countDown();
        loop.close();

        assertThat(batchSizes).containsExactly(0, 10);
    }

    @Test
    void aThrowingHandlerDoesNotKillTheThread() throws Exception {
        loop.start();
        CountDownLatch after = new CountDownLatch(1);
        loop.post(() -> {
            throw new IllegalStateException("boom");
        });
        loop.post(after::countDown);

        assertThat(after.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(loop.failures()).isEqualTo(1);
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count();
    }
}
