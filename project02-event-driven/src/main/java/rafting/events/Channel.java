package rafting.events;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue that joins two tasks, with an end: the sender closes it when it has nothing
 * more to say, and the receiver sees the end once it has taken everything sent before.
 * A full channel makes the sender wait, so a fast task cannot bury a slow one (back pressure).
 */
public final class Channel<T> {

    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private boolean closed;

    private Channel(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    public static <T> Channel<T> withCapacity(int capacity) {
        return new Channel<>(capacity);
    }

    /** Sends one item, waiting while the channel is full. Sending on a closed channel is a bug. */
    public void send(T item) throws InterruptedException {
        java.util.Objects.requireNonNull(item, "item");
        lock.lockInterruptibly();
        try {
            while (items.size() == capacity && !closed) {
                notFull.await();
            }
            if (closed) {
                throw new IllegalStateException("send on a closed channel: " + item);
            }
            items.add(item);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next item, waiting for one; empty once the channel is closed and everything sent was taken. */
    public Optional<T> receive() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (items.isEmpty() && !closed) {
                notEmpty.await();
            }
            T item = items.poll();
            if (item != null) {
                notFull.signal();
            }
            return Optional.ofNullable(item);
        } finally {
            lock.unlock();
        }
    }

    /** Marks the end: the receiver gets what is left, then the end. Closing twice is harmless. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Channel(" + items.size() + "/" + capacity + (closed ? ", closed)" : ")");
        } finally {
            lock.unlock();
        }
    }
}
