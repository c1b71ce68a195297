package rafting.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Part 6: a validated key-value command, as data: what a client asked for, independent of how it
 * arrived. {@link #parse} builds one from a request's arguments, {@link #applyTo} runs it on a
 * store and gives the reply, and {@link #args} turns it back into arguments, which is how
 * Project 10 writes commands into the Raft log. Keep commands free of network code.
 *
 * <pre>{@code
 * KvCommand set = KvCommand.of("SET", "foo", "hello");   // SET "foo" "hello"
 * set.applyTo(store)                                     // OK
 * }</pre>
 *
 * <p>Given: the record headers and their compact constructors. To write: {@link #parse},
 * {@link #of}, and each record's {@code applyTo}, {@code args} and {@code toString}.
 */
public sealed interface KvCommand {

    /** Runs this command on {@code store}; the result is what the client is sent. */
    Reply applyTo(KvStore store);

    /**
     * The arguments that make this command, name first, in upper case
     * ({@code [SET, foo, hello]}); {@code parse(command.args())} gives back an equal command.
     */
    List<Bytes> args();

    /**
     * Validates a request: a known command name, in any case ({@code gEt} is {@code GET}), and
     * the right number of arguments for it: {@code PING [message]}, {@code GET key},
     * {@code SET key value} (no options), {@code DEL key...}, {@code EXISTS key...},
     * {@code CAS key expected new}, {@code QUIT}.
     *
     * @throws InvalidCommandException whose message is the whole error line:
     *     {@code ERR unknown command 'foo'} (the name as sent, escaped as {@link Bytes#toString}
     *     does but without the quotes, so {@code 'inc\r\nr'}; a name longer than 64 bytes is cut
     *     after 64 bytes and followed by {@code ...});
     *     {@code ERR wrong number of arguments for 'get' command} (the name in lower case);
     *     {@code ERR empty command} for no arguments at all
     */
    static KvCommand parse(List<Bytes> args) throws InvalidCommandException {
        throw new UnsupportedOperationException("Part 6: check the name and the number of arguments, build the record");
    }

    /** Parses words given as text: {@code KvCommand.of("SET", "foo", "hello")}. */
    static KvCommand of(String... words) throws InvalidCommandException {
        throw new UnsupportedOperationException("Part 6: parse the words as UTF-8 arguments");
    }

    /** {@code PING} answers {@code +PONG} (a simple string); {@code PING message} answers the message as a bulk string. */
    record Ping(Optional<Bytes> message) implements KvCommand {
        /** Given: no null component. */
        public Ping {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run PING on the store");
        }

        @Override
        public List<Bytes> args() {
            throw new UnsupportedOperationException("Part 6: PING and its arguments");
        }

        /** {@code PING}, or {@code PING "hi"}: the name, then each argument as {@link Bytes#toString} shows it. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 6: the one-line form of PING");
        }
    }

    /** {@code GET key}: the value as a bulk string, or {@link Reply#NIL}. */
    record Get(Bytes key) implements KvCommand {
        /** Given: no null component. */
        public Get {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run GET on the store");
        }

        @Override
        public List<Bytes> args() {
            throw new UnsupportedOperationException("Part 6: GET and its arguments");
        }

        /** {@code GET "foo"}: the name, then each argument as {@link Bytes#toString} shows it. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 6: the one-line form of GET");
        }
    }

    /**
     * {@code SET key value [NX | XX] [GET] [EX s | PX ms | EXAT s | PXAT ms | KEEPTTL]}:
     * {@code OK}, or nil when {@code NX} (only if absent) or {@code XX} (only if present) kept it
     * from writing; with {@code GET}, the value before it instead. The key loses any expiry time
     * it had, unless {@code KEEPTTL}; {@code EX} and {@code PX} count from the store's time when
     * the command runs.
     */
    record Set(Bytes key, Bytes value, Condition condition, boolean get, Ttl ttl, long amount) implements KvCommand {

        /** When SET writes. */
        public enum Condition { ALWAYS, NX, XX }

        /** What SET does to the key's expiry time. */
        public enum Ttl { NONE, KEEPTTL, EX, PX, EXAT, PXAT }

        public Set {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(ttl, "ttl");
        }

        /** A plain {@code SET key value}. */
        public Set(Bytes key, Bytes value) {
            this(key, value, Condition.ALWAYS, false, Ttl.NONE, 0);
        }

        /** The options after the value, in the order and with the checks of Redis 7. */
        static Set parse(List<Bytes> args) throws InvalidCommandException {
            throw new UnsupportedOperationException("Part 6: its options, checked as Redis 7 checks them");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }


    /** {@code DEL key...}: deletes the keys, replies how many of them existed (a key named twice is deleted once). */
    record Del(List<Bytes> keys) implements KvCommand {
        /** Given: no null component, and at least one key (an IllegalArgumentException otherwise). */
        public Del {
            keys = requireKeys(keys);
        }

        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run DEL on the store");
        }

        @Override
        public List<Bytes> args() {
            throw new UnsupportedOperationException("Part 6: DEL and its arguments");
        }

        /** {@code DEL "x" "y"}: the name, then each argument as {@link Bytes#toString} shows it. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 6: the one-line form of DEL");
        }
    }

    /** {@code EXISTS key...}: how many of the keys exist, a key named twice counting twice (as in Redis). */
    record Exists(List<Bytes> keys) implements KvCommand {
        /** Given: no null component, and at least one key (an IllegalArgumentException otherwise). */
        public Exists {
            keys = requireKeys(keys);
        }

        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run EXISTS on the store");
        }

        @Override
        public List<Bytes> args() {
            throw new UnsupportedOperationException("Part 6: EXISTS and its arguments");
        }

        /** {@code EXISTS "a" "b"}: the name, then each argument as {@link Bytes#toString} shows it. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 6: the one-line form of EXISTS");
        }
    }

    /** {@code CAS key expected value}: {@code :1} if the key held {@code expected} and now holds {@code value}, else {@code :0}. */
    record Cas(Bytes key, Bytes expected, Bytes value) implements KvCommand {
        /** Given: no null component. */
        public Cas {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run CAS on the store");
        }

        @Override
        public List<Bytes> args() {
            throw new UnsupportedOperationException("Part 6: CAS and its arguments");
        }

        /** {@code CAS "foo" "old" "new"}: the name, then each argument as {@link Bytes#toString} shows it. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 6: the one-line form of CAS");
        }
    }

    /** {@code QUIT}: replies {@link Reply#OK}; the server then closes the connection. */
    record Quit() implements KvCommand {
        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run QUIT on the store");
        }

        @Override
        public List<Bytes> args() {
            throw new UnsupportedOperationException("Part 6: QUIT and its arguments");
        }

        /** {@code QUIT}: the name, then each argument as {@link Bytes#toString} shows it. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 6: the one-line form of QUIT");
        }
    }

    /** Given: the keys of DEL and EXISTS, copied; at least one. */
    private static List<Bytes> requireKeys(List<Bytes> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        return List.copyOf(keys);
    }
    /** {@code INCR}, {@code DECR}, {@code INCRBY}, {@code DECRBY} as one: adds {@code by}, replies the new value. */
    record IncrBy(Bytes key, long by) implements KvCommand {
        public IncrBy {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code APPEND key value}: the length after appending; a missing key starts empty. */
    record Append(Bytes key, Bytes value) implements KvCommand {
        public Append {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code STRLEN key}: the value's length in bytes, 0 for a missing key. */
    record Strlen(Bytes key) implements KvCommand {
        public Strlen {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code GETDEL key}: the value, or nil, and the key is gone. */
    record GetDel(Bytes key) implements KvCommand {
        public GetDel {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code GETSET key value}: {@code SET key value GET}, under its old name. */
    record GetSet(Bytes key, Bytes value) implements KvCommand {
        public GetSet {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code SETNX key value}: 1 if the key was absent and now holds the value, else 0. */
    record SetNx(Bytes key, Bytes value) implements KvCommand {
        public SetNx {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code MGET key...}: each key's value or nil, all read at one moment. */
    record MGet(List<Bytes> keys) implements KvCommand {
        public MGet {
            keys = requireKeys(keys);
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code MSET key value [key value...]}: {@code OK}; every pair written at one moment. */
    record MSet(List<Bytes> pairs) implements KvCommand {
        public MSet {
            pairs = requirePairs(pairs);
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code MSETNX key value [key value...]}: 1 and every pair written if no key existed, else 0 and nothing. */
    record MSetNx(List<Bytes> pairs) implements KvCommand {
        public MSetNx {
            pairs = requirePairs(pairs);
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /**
     * {@code EXPIRE key seconds [NX | XX | GT | LT]} and {@code PEXPIRE key ms [...]}: 1 if the key
     * now expires that long after the store's time (a time not in the future removes it), 0 if
     * it is missing or the condition kept it: NX only if it has no expiry, XX only if it has
     * one, GT only later than the one it has, LT only sooner (no expiry counts as never).
     */
    record Expire(Bytes key, long amount, boolean millis, boolean nx, boolean xx, boolean gt, boolean lt)
            implements KvCommand {
        public Expire {
            Objects.requireNonNull(key, "key");
        }

        static Expire parse(String name, List<Bytes> args) throws InvalidCommandException {

            throw new UnsupportedOperationException("Part 6: its options, checked as Redis 7 checks them");

        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code TTL key} (seconds, rounded) and {@code PTTL key} (ms): time left, -1 if it never expires, -2 if missing. */
    record Ttl(Bytes key, boolean millis) implements KvCommand {
        public Ttl {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code PERSIST key}: 1 if the key had an expiry time and now has none, else 0. */
    record Persist(Bytes key) implements KvCommand {
        public Persist {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /** {@code DBSIZE}: how many keys the store holds. */
    record DbSize() implements KvCommand {
        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");
        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }
    /**
     * {@code FLUSHALL}: removes every key, {@code OK}. A server refuses it unless its operator
     * allowed it ({@link #ALLOWED}), so that one stray command cannot empty a shared store.
     */
    record FlushAll() implements KvCommand {
        /** The system property that allows FLUSHALL on a server: {@code -Drafting.kv.flushall=true}. */
        public static final String ALLOWED = "rafting.kv.flushall";
        /** The reply of a server where FLUSHALL is not allowed. */
        public static final String REFUSED = "ERR FLUSHALL is disabled on this server; start it with -D"
                + ALLOWED + "=true to allow it";

        /** Whether this JVM's servers run FLUSHALL. */
        public static boolean allowed() {
            return Boolean.getBoolean(ALLOWED);
        }

        @Override
        public Reply applyTo(KvStore store) {

            throw new UnsupportedOperationException("Part 6: run it on the store, atomically");

        }

        @Override
        public List<Bytes> args() {

            throw new UnsupportedOperationException("Part 6: its arguments, name first");

        }

        @Override
        public String toString() {

            throw new UnsupportedOperationException("Part 6: its one-line form");

        }
    }

    private static List<Bytes> requirePairs(List<Bytes> pairs) {
        if (pairs.isEmpty() || pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs, at least one: " + pairs);
        }
        return List.copyOf(pairs);
    }

}
