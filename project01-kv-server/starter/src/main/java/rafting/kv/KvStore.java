package rafting.kv;

import java.util.Optional;

/**
 * Part 4: the key-value store itself: binary-safe keys and values in memory, with no network
 * code. This is the state machine that Project 10 replicates.
 *
 * <p>Many connection threads share one store, so each operation must be atomic: two clients
 * racing to compare-and-set the same old value must never both win. A {@code null} key, value or
 * expected value throws {@link NullPointerException}.
 *
 * <pre>{@code
 * KvStore store = new KvStore();
 * store.set(Bytes.of("foo"), Bytes.of("hello"));
 * store.get(Bytes.of("foo"))      // Optional["hello"]
 * }</pre>
 */
public final class KvStore {

    /** An empty store. */
    public KvStore() {
        throw new UnsupportedOperationException("Part 4: an empty store");
    }

    /** The value of {@code key}, if it has one. */
    public Optional<Bytes> get(Bytes key) {
        throw new UnsupportedOperationException("Part 4: look the key up");
    }

    /** Gives {@code key} the value {@code value}, replacing any earlier one. */
    public void set(Bytes key, Bytes value) {
        throw new UnsupportedOperationException("Part 4: store the value");
    }

    /** Removes {@code key}; returns whether it was there. */
    public boolean delete(Bytes key) {
        throw new UnsupportedOperationException("Part 4: remove the key");
    }

    /** Whether {@code key} has a value. */
    public boolean exists(Bytes key) {
        throw new UnsupportedOperationException("Part 4: whether the key has a value");
    }

    /**
     * Compare-and-set, atomically: if {@code key} holds exactly {@code expected}, gives it
     * {@code value} and returns true; otherwise changes nothing and returns false. A missing key
     * matches nothing (not even {@link Bytes#EMPTY}).
     */
    public boolean cas(Bytes key, Bytes expected, Bytes value) {
        throw new UnsupportedOperationException("Part 4: replace the value only if it is the expected one, atomically");
    }

    /** How many keys have a value. */
    public int size() {
        throw new UnsupportedOperationException("Part 4: the number of keys");
    }

    /** {@code KvStore{}}, or {@code KvStore{"foo"="hello"}}: the map's form (shown in jshell). */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: KvStore followed by the map");
    }
}
