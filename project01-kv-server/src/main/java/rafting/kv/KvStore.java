package rafting.kv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The key-value store itself: binary-safe keys and values in memory, with no network code.
 * This is the state machine that Project 10 replicates: every node applies the same committed
 * commands to its own store, in the same order, and so holds the same data.
 *
 * <p>A key may have an expiry time, in milliseconds of the store's clock: from that time on
 * (strictly after it, as in Redis) the key is gone. The clock is given: Project 1's server uses
 * the wall clock; Project 10 gives the time of the log entry being applied, so that every replica
 * drops the same keys at the same index, whatever its own clock says.
 *
 * <p>Each operation is atomic, so many connection threads may share one store; compare-and-set
 * in particular never lets two clients both win the same race. A command made of several
 * operations (an increment, {@code MSET}) holds the store's lock around them:
 * {@code synchronized (store) { ... }}.
 *
 * <pre>{@code
 * KvStore store = new KvStore();
 * store.set(Bytes.of("foo"), Bytes.of("hello"));
 * store.get(Bytes.of("foo"))      // Optional["hello"]
 * }</pre>
 */
public final class KvStore {

    /** The longest value a command may build (by {@code APPEND}): the longest a client may send. */
    public static final int MAX_VALUE_LENGTH = RespReader.Limits.DEFAULT.maxBulkLength();

    /** When a key expires, ordered by time, then by key, so the earliest comes first. */
    private record Expiry(long at, Bytes key) implements Comparable<Expiry> {
        @Override
        public int compareTo(Expiry other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Arrays.compare(key.toByteArray(), other.key.toByteArray());
        }
    }

    private final Map<Bytes, Bytes> data = new HashMap<>();
    private final Map<Bytes, Long> expiries = new HashMap<>();
    private final TreeSet<Expiry> byTime = new TreeSet<>();
    private final LongSupplier clock;

    /** An empty store whose expiry times are read on the wall clock. */
    public KvStore() {
        this(System::currentTimeMillis);
    }

    /** An empty store whose expiry times are read on {@code clock}, in milliseconds. */
    public KvStore(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The store's time now, in milliseconds. */
    public synchronized long now() {
        return clock.getAsLong();
    }

    /** The value of {@code key}, if it has one. */
    public synchronized Optional<Bytes> get(Bytes key) {
        Objects.requireNonNull(key, "key");
        dropExpired();
        return Optional.ofNullable(data.get(key));
    }

    /** Gives {@code key} the value {@code value}, replacing any earlier one and its expiry. */
    public synchronized void set(Bytes key, Bytes value) {
        put(key, value);
        clearExpiry(key);
    }

    /** Gives {@code key} the value {@code value} and keeps the expiry time it had, if any. */
    public synchronized void setKeepingExpiry(Bytes key, Bytes value) {
        put(key, value);
    }

    /** Removes {@code key}; returns whether it was there. */
    public synchronized boolean delete(Bytes key) {
        Objects.requireNonNull(key, "key");
        dropExpired();
        clearExpiry(key);
        return data.remove(key) != null;
    }

    public synchronized boolean exists(Bytes key) {
        Objects.requireNonNull(key, "key");
        dropExpired();
        return data.containsKey(key);
    }

    /**
     * Compare-and-set: if {@code key} holds exactly {@code expected}, gives it {@code value} and
     * returns true; otherwise changes nothing and returns false. A missing key matches nothing.
     * The key keeps its expiry time.
     */
    public synchronized boolean cas(Bytes key, Bytes expected, Bytes value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(value, "value");
        dropExpired();
        return data.replace(key, expected, value);
    }

    /** When {@code key} expires, in the store's milliseconds; empty if it has no expiry or no value. */
    public synchronized OptionalLong expiresAt(Bytes key) {
        Objects.requireNonNull(key, "key");
        dropExpired();
        Long at = expiries.get(key);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /**
     * Makes an existing {@code key} expire at {@code at} (store milliseconds); a time not after
     * now removes it at once. Returns whether the key existed.
     */
    public synchronized boolean expireAt(Bytes key, long at) {
        Objects.requireNonNull(key, "key");
        dropExpired();
        if (!data.containsKey(key)) {
            return false;
        }
        if (at <= clock.getAsLong()) {
            clearExpiry(key);
            data.remove(key);
            return true;
        }
        clearExpiry(key);
        expiries.put(key, at);
        byTime.add(new Expiry(at, key));
        return true;
    }

    /**
     * The earliest expiry time of any key, in the store's milliseconds (a key past it may not be
     * dropped yet); empty when no key has one. Changes nothing: it does not read the clock.
     */
    public synchronized OptionalLong nextExpiry() {
        return byTime.isEmpty() ? OptionalLong.empty() : OptionalLong.of(byTime.first().at());
    }

    /** Removes the expiry time of {@code key}; returns whether it had one. */
    public synchronized boolean persist(Bytes key) {
        Objects.requireNonNull(key, "key");
        dropExpired();
        return clearExpiry(key);
    }

    /** What {@link #forEachEntry} hands out: a key, its value, and its expiry time, or -1 for none. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(Bytes key, Bytes value, long expiresAt);
    }

    /**
     * Hands every key held to {@code visitor}, with its value and expiry time (-1 for none), in no
     * particular order. Reads no clock and changes nothing: a key whose time has passed but which
     * is not dropped yet is handed out too, so that {@link #putEntry} rebuilds exactly this store,
     * for a snapshot of the state machine (Project 11).
     */
    public synchronized void forEachEntry(EntryVisitor visitor) {
        Objects.requireNonNull(visitor, "visitor");
        data.forEach((key, value) -> {
            Long at = expiries.get(key);
            visitor.visit(key, value, at == null ? -1 : at);
        });
    }

    /** Puts back {@code key} as {@link #forEachEntry} handed it out: its value and expiry (-1: none), reading no clock. */
    public synchronized void putEntry(Bytes key, Bytes value, long expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        clearExpiry(key);
        data.put(key, value);
        if (expiresAt != -1) {
            expiries.put(key, expiresAt);
            byTime.add(new Expiry(expiresAt, key));
        }
    }

    /** How many keys have a value. */
    public synchronized int size() {
        dropExpired();
        return data.size();
    }

    /** Removes every key. */
    public synchronized void clear() {
        data.clear();
        expiries.clear();
        byTime.clear();
    }

    private void put(Bytes key, Bytes value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        dropExpired();
        data.put(key, value);
    }

    private boolean clearExpiry(Bytes key) {
        Long at = expiries.remove(key);
        if (at == null) {
            return false;
        }
        byTime.remove(new Expiry(at, key));
        return true;
    }

    /** Removes every key whose time has passed, so none lingers in memory and every count is exact. */
    private void dropExpired() {
        long now = clock.getAsLong();
        while (!byTime.isEmpty() && byTime.first().at() < now) {
            Expiry gone = byTime.pollFirst();
            expiries.remove(gone.key());
            data.remove(gone.key());
        }
    }

    @Override
    public synchronized String toString() {
        dropExpired();
        return "KvStore" + data;
    }
}
