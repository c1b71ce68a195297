package rafting.kv;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key-value store itself: binary-safe keys and values in memory, with no network code.
 * This is the state machine that Project 10 replicates: every node applies the same committed
 * commands to its own store, in the same order, and so holds the same data.
 *
 * <p>Each operation is atomic, so many connection threads may share one store; compare-and-set
 * in particular never lets two clients both win the same race.
 *
 * <pre>{@code
 * KvStore store = new KvStore();
 * store.set(Bytes.of("foo"), Bytes.of("hello"));
 * store.get(Bytes.of("foo"))      // Optional["hello"]
 * }</pre>
 */
public final class KvStore {

    private final ConcurrentHashMap<Bytes, Bytes> data = new ConcurrentHashMap<>();

    /** The value of {@code key}, if it has one. */
    public Optional<Bytes> get(Bytes key) {
        return Optional.ofNullable(data.get(Objects.requireNonNull(key, "key")));
    }

    /** Gives {@code key} the value {@code value}, replacing any earlier one. */
    public void set(Bytes key, Bytes value) {
        data.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /** Removes {@code key}; returns whether it was there. */
    public boolean delete(Bytes key) {
        return data.remove(Objects.requireNonNull(key, "key")) != null;
    }

    public boolean exists(Bytes key) {
        return data.containsKey(Objects.requireNonNull(key, "key"));
    }

    /**
     * Compare-and-set: if {@code key} holds exactly {@code expected}, gives it {@code value} and
     * returns true; otherwise changes nothing and returns false. A missing key matches nothing.
     */
    public boolean cas(Bytes key, Bytes expected, Bytes value) {
        return data.replace(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(expected, "expected"), Objects.requireNonNull(value, "value"));
    }

    /** How many keys have a value. */
    public int size() {
        return data.size();
    }

    @Override
    public String toString() {
        return "KvStore" + data;
    }
}
