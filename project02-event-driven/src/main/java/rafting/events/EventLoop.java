package rafting.events;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One thread, one queue. Events (plain {@link Runnable}s) posted from any thread run one at a
 * time, in the order they were accepted, so the state they touch needs no lock. Timers fire on
 * the same thread.
 *
 * <p><b>Batches.</b> Each time the loop wakes up it takes everything that is waiting (the timers
 * that are due, then the events in the queue), runs it, and then calls the after-batch hook once,
 * before it looks for more work or blocks again. A Raft node uses the hook for group commit: handle
 * every message that was waiting, make the result durable with one {@code fsync}, then send.
 *
 * <p><b>Failures.</b> A handler that throws is reported in one log line and counted
 * ({@link #failures()}); the loop goes on with the next one. A loop told to
 * {@link #failStop fail-stop} instead hands anything a handler throws (an {@code Error} too) to
 * its fail-stop action and stops: a server whose state may be half-changed must not go on.
 *
 * <p><b>Bounds.</b> {@link #post} always accepts while the loop runs (the loop's own follow-ups
 * and timers must never be lost); {@link #offer} refuses an event when {@code capacity} events
 * are already waiting, so that outside producers (clients, peers) feel back-pressure instead of
 * filling the memory.
 *
 * <p><b>Stopping.</b> After {@link #stop()} the loop refuses new events ({@link #post} returns
 * false), timers no longer fire, every event accepted before the stop still runs, the hook runs
 * after the last batch, and the thread ends; {@link #awaitTermination} waits for that.
 *
 * <p><b>Two ways to run.</b> {@link #start()} runs the loop on its own thread. A loop that is
 * never started runs on the caller's thread instead, one call at a time: {@link #runPending()} runs
 * what is waiting, and with a {@link ManualClock}, {@link #advance(Duration)} moves time and fires
 * exactly the timers that fall due, in order. Tests use that second way: no threads, no sleeps.
 */
public final class EventLoop implements Executor, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final String name;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<Runnable> events = new ArrayDeque<>();  // guarded by lock
    private final TimerQueue timers = new TimerQueue();              // guarded by lock
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicLong failures = new AtomicLong();
    private volatile Runnable afterBatch = () -> { };
    private volatile java.util.function.Consumer<Throwable> failStop;
    private volatile int capacity = Integer.MAX_VALUE;
    private volatile boolean failed; // a fail-stop happened: no handler runs any more
    private boolean stopping;                                        // guarded by lock
    private volatile Thread thread;

    private EventLoop(String name, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A loop on the system clock; call {@link #start()} to give it its thread. */
    public static EventLoop create(String name) {
        return new EventLoop(name, Clock.system());
    }

    /** A loop on the given clock; with a {@link ManualClock}, drive it by hand instead of starting it. */
    public static EventLoop create(String name, Clock clock) {
        return new EventLoop(name, clock);
    }

    /** Sets the hook that runs once after every batch. Set it before the loop starts running. */
    public EventLoop afterEachBatch(Runnable hook) {
        this.afterBatch = Objects.requireNonNull(hook, "hook");
        return this;
    }

    /**
     * From now on, anything a handler throws goes to {@code action} (once, on the loop's thread)
     * and the loop stops, instead of being counted and passed over. Set it before the loop runs.
     */
    public EventLoop failStop(java.util.function.Consumer<Throwable> action) {
        this.failStop = Objects.requireNonNull(action, "action");
        return this;
    }

    /** At most {@code capacity} events may wait for {@link #offer} to accept another. */
    public EventLoop withCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + ": a capacity is at least 1, got " + capacity);
        }
        this.capacity = capacity;
        return this;
    }

    /** Starts the loop's thread. A loop starts once; a manual clock cannot drive a real thread. */
    public EventLoop start() {
        if (clock instanceof ManualClock) {
            throw new IllegalStateException(name + ": a manual clock never wakes a thread; "
                    + "drive this loop with runPending() and advance() instead");
        }
        lock.lock();
        try {
            if (thread != null || stopping) {
                throw new IllegalStateException(name + ": already started or stopped");
            }
            thread = new Thread(this::runOnThread, name);
        } finally {
            lock.unlock();
        }
        thread.start();
        return this;
    }

    public String name() {
        return name;
    }

    public Clock clock() {
        return clock;
    }

    /** True when called from the loop's own thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** How many handlers (events, timers, hooks) have thrown so far. */
    public long failures() {
        return failures.get();
    }

    /**
     * Queues an event; safe from any thread, including the loop's own. Returns false, and drops
     * the event, once the loop has been asked to stop.
     */
    public boolean post(Runnable event) {
        return enqueue(event, Integer.MAX_VALUE);
    }

    /**
     * Queues an event unless {@code capacity} events are waiting already or the loop is stopping;
     * returns false, and drops the event, if so. For producers outside the loop that can be told
     * to wait or try again.
     */
    public boolean offer(Runnable event) {
        return enqueue(event, capacity);
    }

    private boolean enqueue(Runnable event, int limit) {
        Objects.requireNonNull(event, "event");
        lock.lock();
        try {
            if (stopping || events.size() >= limit) {
                return false;
            }
            events.add(event);
            workArrived.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #post}, for code written against {@link Executor}: a refused event throws. */
    @Override
    public void execute(Runnable event) {
        if (!post(event)) {
            throw new RejectedExecutionException(name + " is stopping");
        }
    }

    /** Runs {@code action} once, {@code delay} from now. A stopping loop returns a timer that is already done. */
    public Timer schedule(Duration delay, Runnable action) {
        return add(delay, action, 0);
    }

    /**
     * Runs {@code action} every {@code period}, first one period from now, at a fixed rate: the
     * n-th run is due n periods after scheduling, however late the previous ones ran.
     */
    public Timer scheduleEvery(Duration period, Runnable action) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a period must be positive: " + period);
        }
        return add(period, action, period.toNanos());
    }

    private Timer add(Duration delay, Runnable action, long periodNanos) {
        Objects.requireNonNull(action, "action");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        lock.lock();
        try {
            Timer timer = new Timer(this, action, 0, periodNanos);
            if (stopping) {
                timer.markDone();
            } else {
                timers.add(timer, clock.nanos() + delay.toNanos());
                workArrived.signal(); // the new deadline may be earlier than the one the loop waits for
            }
            return timer;
        } finally {
            lock.unlock();
        }
    }

    boolean cancel(Timer timer) {
        lock.lock();
        try {
            if (!timer.markDone()) {
                return false;
            }
            timers.remove(timer);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Asks the loop to stop: from now on events are refused; those already accepted still run. */
    public void stop() {
        lock.lock();
        try {
            stopping = true;
            workArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the loop has run its last event and its thread has ended. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the loop and waits for it to end. A loop driven by hand runs its remaining events here,
     * on the caller's thread. Called from the loop itself, it only asks for the stop.
     */
    @Override
    public void close() {
        stop();
        if (inLoop()) {
            return;
        }
        if (thread == null) {
            runPending();
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- running by hand ------------------------------------------------------------------

    /**
     * Runs, on the caller's thread, batch after batch until nothing is waiting: no event queued,
     * no timer due. Returns how many events and timers ran. Only for a loop that was not started.
     */
    public int runPending() {
        if (thread != null) {
            throw new IllegalStateException(name + " runs on its own thread; post to it instead");
        }
        int ran = 0;
        int batch;
        while ((batch = runBatch()) > 0) {
            ran += batch;
        }
        lock.lock();
        try {
            if (stopping && events.isEmpty()) {
                terminated.countDown();
            }
        } finally {
            lock.unlock();
        }
        return ran;
    }

    /**
     * Moves the manual clock forward by {@code amount}, stopping at every deadline on the way to
     * fire the timers due there, in deadline order, ties in scheduling order. Timers that those
     * timers schedule fire too if they fall inside the window. Returns how many events and timers ran.
     */
    public int advance(Duration amount) {
        if (!(clock instanceof ManualClock manual)) {
            throw new IllegalStateException(name + ": only a loop on a ManualClock can be advanced");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time never goes back: " + amount);
        }
        long target = manual.nanos() + amount.toNanos();
        int ran = runPending();
        while (true) {
            long next;
            lock.lock();
            try {
                next = stopping ? TimerQueue.NONE : timers.nextDeadline();
            } finally {
                lock.unlock();
            }
            if (next > target) {
                break;
            }
            manual.moveTo(Math.max(next, manual.nanos()));
            ran += runPending();
        }
        manual.moveTo(target);
        return ran + runPending();
    }

    // ---- the loop itself ------------------------------------------------------------------

    private void runOnThread() {
        try {
            while (awaitWork()) {
                runBatch();
            }
        } finally {
            terminated.countDown();
        }
    }

    /** Blocks until there is work; false when the loop has stopped and every accepted event has run. */
    private boolean awaitWork() {
        lock.lock();
        try {
            while (true) {
                if (!events.isEmpty()) {
                    return true;
                }
                if (stopping) {
                    return false;
                }
                long deadline = timers.nextDeadline();
                long wait = deadline == TimerQueue.NONE ? Long.MAX_VALUE : deadline - clock.nanos();
                if (wait <= 0) {
                    return true;
                }
                try {
                    workArrived.awaitNanos(wait);
                } catch (InterruptedException e) {
                    // Nobody else should interrupt this thread; take it as a request to stop.
                    LOG.log(System.Logger.Level.WARNING, "{0}: interrupted, stopping", name);
                    stopping = true;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one batch: the timers due now, then the events waiting now, then the hook. */
    private int runBatch() {
        List<Timer> due;
        List<Runnable> batch;
        lock.lock();
        try {
            due = stopping ? List.of() : timers.takeDue(clock.nanos());
            batch = new ArrayList<>(events);
            events.clear();
        } finally {
            lock.unlock();
        }
        if (due.isEmpty() && batch.isEmpty()) {
            return 0;
        }
        for (Timer timer : due) {
            if (shouldFire(timer)) {
                runSafely(timer.action(), "timer");
            }
        }
        for (Runnable event : batch) {
            runSafely(event, "event");
        }
        runSafely(afterBatch, "after-batch hook");
        return due.size() + batch.size();
    }

    /** A timer cancelled by an earlier handler of the same batch must not fire. */
    private boolean shouldFire(Timer timer) {
        lock.lock();
        try {
            return timer.isPeriodic() ? !timer.isDone() : timer.markDone();
        } finally {
            lock.unlock();
        }
    }

    private void runSafely(Runnable handler, String what) {
        java.util.function.Consumer<Throwable> stopWith = failStop;
        if (failed) {
            return;
        }
        if (stopWith != null) {
            try {
                handler.run();
            } catch (Throwable t) {
                failures.incrementAndGet();
                failed = true;
                stop();
                try {
                    stopWith.accept(t);
                } catch (Throwable worse) {
                    t.addSuppressed(worse); // nothing more can be done on this thread
                }
            }
            return;
        }
        try {
            handler.run();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            StackTraceElement[] trace = e.getStackTrace();
            String where = trace.length > 0 ? " at " + trace[0] : "";
            LOG.log(System.Logger.Level.WARNING, "{0}: {1} threw {2}{3}", name, what, e, where);
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "EventLoop(" + name + ", " + events.size() + " waiting, " + timers.size() + " timers"
                    + (stopping ? ", stopping)" : ")");
        } finally {
            lock.unlock();
        }
    }
}
