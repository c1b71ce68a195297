package rafting.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The pending timers of one loop, earliest deadline first, ties in scheduling order.
 * Not thread-safe: the loop guards it with its lock.
 */
final class TimerQueue {

    static final long NONE = Long.MAX_VALUE;

    private final PriorityQueue<Timer> heap = new PriorityQueue<>(
            Comparator.comparingLong(Timer::deadline).thenComparingLong(Timer::sequence));
    private long nextSequence;

    void add(Timer timer, long deadline) {
        timer.arm(deadline, nextSequence++);
        heap.add(timer);
    }

    boolean remove(Timer timer) {
        return heap.remove(timer);
    }

    /** The earliest deadline, or {@link #NONE}. */
    long nextDeadline() {
        Timer first = heap.peek();
        return first == null ? NONE : first.deadline();
    }

    /**
     * Takes out every timer due at {@code now}, in firing order. A periodic timer goes back in
     * at its next deadline (fixed rate, so ticks do not drift), but fires at most once per call:
     * a loop that fell behind catches up one batch at a time.
     */
    List<Timer> takeDue(long now) {
        List<Timer> due = new ArrayList<>();
        while (!heap.isEmpty() && heap.peek().deadline() <= now) {
            due.add(heap.poll());
        }
        for (Timer timer : due) {
            if (timer.isPeriodic()) {
                add(timer, timer.nextDeadline());
            }
        }
        return due;
    }

    int size() {
        return heap.size();
    }
}
