package rafting.events;

import java.util.Optional;

/**
 * Part 3: a bounded queue that joins two tasks, with an end: the sender closes it when it has
 * nothing more to say, and the receiver sees the end once it has taken everything sent before.
 * A full channel makes the sender wait, so a fast task cannot bury a slow one (back pressure).
 */
public final class Channel<T> {

    private Channel() {}

    /** A channel that holds at most {@code capacity} items (at least 1, else {@link IllegalArgumentException}). */
    public static <T> Channel<T> withCapacity(int capacity) {
        throw new UnsupportedOperationException("Part 3: an empty channel of that capacity");
    }

    /**
     * Sends one item, waiting while the channel is full. Sending on a closed channel throws
     * {@link IllegalStateException} whose message contains {@code closed}.
     */
    public void send(T item) throws InterruptedException {
        throw new UnsupportedOperationException("Part 3: wait while full, then add");
    }

    /** The next item, waiting for one; empty once the channel is closed and everything sent was taken. */
    public Optional<T> receive() throws InterruptedException {
        throw new UnsupportedOperationException("Part 3: wait for an item or the end");
    }

    /** Marks the end: the receiver gets what is left, then the end; a waiting sender wakes. Closing twice is harmless. */
    public void close() {
        throw new UnsupportedOperationException("Part 3: mark the end, wake the waiting");
    }

    /** {@code Channel(2/16)}, or {@code Channel(0/16, closed)}: items held, capacity. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 3: items, capacity, closed");
    }
}
