package rafting.events;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * One thread, one queue. Events (plain {@link Runnable}s) posted from any thread run one at a
 * time, in the order they were accepted, so the state they touch needs no lock. Timers fire on
 * the same thread. Part 1 runs the loop by hand on the caller's thread ({@link #runPending()},
 * {@link #advance(Duration)}); Part 2 gives it a thread of its own ({@link #start()}).
 *
 * <p><b>Batches.</b> Each time the loop wakes up it takes everything that is waiting (the timers
 * that are due, earliest deadline first, ties in scheduling order; then the queued events), runs
 * it, and then calls the after-batch hook once. Events posted and timers scheduled while a batch
 * runs belong to a later batch, even with delay zero. A periodic timer fires at most once per
 * batch. An empty wake-up runs no hook.
 *
 * <p><b>Failures.</b> A handler (event, timer or hook) that throws a {@link RuntimeException} is
 * reported in one log line through {@link System.Logger}, counted in {@link #failures()}, and the
 * loop goes on with the next one.
 *
 * <p><b>Fail-stop and bounds (Part 1).</b> A loop given a {@link #failStop} action hands the first
 * {@code Throwable} (an {@code Error} too) any handler throws to that action, counts it, stops,
 * and runs no handler after it (not even the rest of its batch). {@link #offer} is {@link #post}
 * for producers outside the loop: it also refuses an event while {@code capacity} events are
 * waiting ({@link #withCapacity}; no limit by default). {@code post} never refuses for capacity.
 *
 * <p><b>Stopping.</b> After {@link #stop()} the loop refuses new events ({@link #post} returns
 * false), new timers come back already done, timers no longer fire, every event accepted before
 * the stop still runs, the hook runs after the last batch, and the loop ends;
 * {@link #awaitTermination} waits for that.
 */
public final class EventLoop implements Executor, AutoCloseable {

    private EventLoop() {}

    /** Part 1: a loop on the system clock; call {@link #start()} to give it its thread. */
    public static EventLoop create(String name) {
        throw new UnsupportedOperationException("Part 1: a loop on Clock.system()");
    }

    /** Part 1: a loop on the given clock; with a {@link ManualClock}, drive it by hand instead of starting it. */
    public static EventLoop create(String name, Clock clock) {
        throw new UnsupportedOperationException("Part 1: a loop with a name, a clock, an event queue and timers");
    }

    /** Part 1: sets the hook that runs once after every batch (set it before starting); returns this loop. */
    public EventLoop afterEachBatch(Runnable hook) {
        throw new UnsupportedOperationException("Part 1: keep the hook");
    }

    /**
     * Part 2: starts the loop's thread, named after the loop, and returns this loop. A loop on a
     * {@link ManualClock} throws {@link IllegalStateException} with a message containing
     * {@code manual clock} (Part 1 already needs this refusal): a manual clock never moves by
     * itself, so a thread waiting on it would wait forever. Starting twice, or after
     * {@link #stop()}, throws {@link IllegalStateException} too.
     */
    public EventLoop start() {
        throw new UnsupportedOperationException("Part 2: refuse a manual clock, start the thread");
    }

    /** Part 1: the loop's name. */
    public String name() {
        throw new UnsupportedOperationException("Part 1: the name");
    }

    /** Part 1: the loop's clock. */
    public Clock clock() {
        throw new UnsupportedOperationException("Part 1: the clock");
    }

    /** Part 2: true when called from the loop's own thread. */
    public boolean inLoop() {
        throw new UnsupportedOperationException("Part 2: whether the caller is the loop's thread");
    }

    /** Part 1: how many handlers (events, timers, hooks) have thrown so far. */
    public long failures() {
        throw new UnsupportedOperationException("Part 1: the number of handlers that threw");
    }

    /** Part 1: sends whatever a handler throws to {@code action} and stops the loop; returns this loop. */
    public EventLoop failStop(java.util.function.Consumer<Throwable> action) {
        throw new UnsupportedOperationException("Part 1: keep the fail-stop action");
    }

    /** Part 1: at most {@code capacity} (at least 1) events may wait for {@link #offer}; returns this loop. */
    public EventLoop withCapacity(int capacity) {
        throw new UnsupportedOperationException("Part 1: keep the capacity");
    }

    /** Part 1: queues an event unless the loop is stopping or {@code capacity} events wait; false if refused. */
    public boolean offer(Runnable event) {
        throw new UnsupportedOperationException("Part 1: a bounded post");
    }

    /**
     * Part 1: queues an event; safe from any thread, including the loop's own. Returns false, and
     * drops the event, once the loop has been asked to stop.
     */
    public boolean post(Runnable event) {
        throw new UnsupportedOperationException("Part 1: queue the event unless stopping");
    }

    /** Part 1: {@link #post}, for code written against {@link Executor}: a refused event throws {@link java.util.concurrent.RejectedExecutionException}. */
    @Override
    public void execute(Runnable event) {
        throw new UnsupportedOperationException("Part 1: post, or throw RejectedExecutionException");
    }

    /**
     * Part 1: runs {@code action} once, {@code delay} from now (a negative delay throws
     * {@link IllegalArgumentException}). A stopping loop returns a timer that is already done.
     */
    public Timer schedule(Duration delay, Runnable action) {
        throw new UnsupportedOperationException("Part 1: add a one-shot timer");
    }

    /**
     * Part 1: runs {@code action} every {@code period}, first one period from now, at a fixed
     * rate: the n-th run is due n periods after scheduling, however late the previous ones ran.
     * A period that is zero or negative throws {@link IllegalArgumentException}.
     */
    public Timer scheduleEvery(Duration period, Runnable action) {
        throw new UnsupportedOperationException("Part 1: add a periodic timer");
    }

    /** Part 1: asks the loop to stop and returns at once: from now on events are refused; those already accepted still run. */
    public void stop() {
        throw new UnsupportedOperationException("Part 1: refuse new events and timers from now on");
    }

    /**
     * Part 1: waits up to {@code timeout} until the loop has run its last event after a stop
     * (and, when started, its thread has ended); returns whether it has. A loop run by hand has
     * ended once {@link #runPending()} found nothing left after the stop.
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("Part 1: wait for the end, up to the timeout");
    }

    /**
     * Part 2: stops the loop and waits for it to end. A loop driven by hand runs its remaining
     * events here, on the caller's thread. Called from the loop itself, it only asks for the stop.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException("Part 2: stop, then wait for the end");
    }

    /**
     * Part 1: runs, on the caller's thread, batch after batch until nothing is waiting: no event
     * queued, no timer due on the clock as it reads now. Returns how many events and timers ran.
     * On a started loop it throws {@link IllegalStateException}.
     */
    public int runPending() {
        throw new UnsupportedOperationException("Part 1: run batches until nothing is waiting");
    }

    /**
     * Part 1: only on a {@link ManualClock} (otherwise {@link IllegalStateException} with a
     * message containing {@code ManualClock}; a negative amount throws
     * {@link IllegalArgumentException}). Moves the clock forward by {@code amount}, stopping at
     * every deadline on the way to fire the timers due there, so each fires while the clock reads
     * its deadline. Timers that those timers schedule fire too if they fall inside the window. At
     * the end the clock reads exactly the old time plus {@code amount}. Returns how many events
     * and timers ran.
     */
    public int advance(Duration amount) {
        throw new UnsupportedOperationException("Part 1: step the manual clock from deadline to deadline");
    }

    /** {@code EventLoop(demo, 0 waiting, 1 timers)}, with {@code , stopping} before the parenthesis once stopping. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: name, waiting events, timers");
    }
}
