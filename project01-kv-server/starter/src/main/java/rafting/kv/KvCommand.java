package rafting.kv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /** {@code SET key value}: stores the value, replies {@link Reply#OK}. */
    record Set(Bytes key, Bytes value) implements KvCommand {
        /** Given: no null component. */
        public Set {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Reply applyTo(KvStore store) {
            throw new UnsupportedOperationException("Part 6: run SET on the store");
        }

        @Override
        public List<Bytes> args() {
            throw new UnsupportedOperationException("Part 6: SET and its arguments");
        }

        /** {@code SET "foo" "a b"}: the name, then each argument as {@link Bytes#toString} shows it. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 6: the one-line form of SET");
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
}
