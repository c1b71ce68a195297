package rafting.kv;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

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

    /** The longest value a command may build (by {@code APPEND}): the longest a client may send. Given. */
    public static final int MAX_VALUE_LENGTH = 16 << 20;

    /** An empty store whose expiry times are read on the wall clock. */
    public KvStore() {
        throw new UnsupportedOperationException("Part 4: an empty store");
    }

    /**
     * An empty store whose expiry times are read on {@code clock}, in milliseconds (issue 19).
     * A key with expiry time {@code t} is there while the clock reads {@code t} or less, and gone
     * after; expired keys must leave memory, so that {@link #size} is exact.
     */
    public KvStore(LongSupplier clock) {
        throw new UnsupportedOperationException("Part 4: an empty store on this clock");
    }

    /** The store's time now, in milliseconds. */
    public long now() {
        throw new UnsupportedOperationException("Part 4: read the clock");
    }

    /** Gives {@code key} the value {@code value} and keeps the expiry time it had, if any ({@code set} drops it). */
    public void setKeepingExpiry(Bytes key, Bytes value) {
        throw new UnsupportedOperationException("Part 4: store the value, keep the expiry");
    }

    /** When {@code key} expires, in the store's milliseconds; empty if it has no expiry or no value. */
    public OptionalLong expiresAt(Bytes key) {
        throw new UnsupportedOperationException("Part 4: the key's expiry time");
    }

    /** Makes an existing {@code key} expire at {@code at}; a time not after now removes it at once. Returns whether the key existed. */
    public boolean expireAt(Bytes key, long at) {
        throw new UnsupportedOperationException("Part 4: give the key an expiry time");
    }

    /**
     * The earliest expiry time of any key, in the store's milliseconds (a key past it may not be
     * dropped yet); empty when no key has one. Changes nothing: it does not read the clock.
     */
    public OptionalLong nextExpiry() {
        throw new UnsupportedOperationException("Part 4: the earliest expiry time");
    }

    /** Given whole: what {@link #forEachEntry} hands out: a key, its value, and its expiry time, or -1 for none. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(Bytes key, Bytes value, long expiresAt);
    }

    /**
     * Part 6 (used by Project 11's snapshots): hands every key held to {@code visitor}, with its
     * value and expiry time (-1 for none), in any order. Reads no clock and changes nothing: a key
     * whose time has passed but which is not dropped yet is handed out too.
     */
    public void forEachEntry(EntryVisitor visitor) {
        throw new UnsupportedOperationException("Part 6: every key with its value and expiry");
    }

    /** Part 6: puts back {@code key} as {@link #forEachEntry} handed it out (expiry -1: none), reading no clock. */
    public void putEntry(Bytes key, Bytes value, long expiresAt) {
        throw new UnsupportedOperationException("Part 6: put a key back with its expiry");
    }

    /** Removes the expiry time of {@code key}; returns whether it had one. */
    public boolean persist(Bytes key) {
        throw new UnsupportedOperationException("Part 4: remove the key's expiry time");
    }

    /** Removes every key. */
    public void clear() {
        throw new UnsupportedOperationException("Part 4: remove every key");
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
