package rafting.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A validated key-value command, as data: what a client asked for, independent of how it
 * arrived. {@link #parse} builds one from a request's arguments, {@link #applyTo} runs it on a
 * store and gives the reply, and {@link #args} turns it back into arguments, which is how
 * Project 10 will write commands into the Raft log.
 *
 * <pre>{@code
 * KvCommand set = KvCommand.of("SET", "foo", "hello");   // SET "foo" "hello"
 * set.applyTo(store)                                     // OK
 * }</pre>
 */
public sealed interface KvCommand {

    /** Runs this command on {@code store}; the result is what the client is sent. */
    Reply applyTo(KvStore store);

    /** The arguments that make this command, name first, upper case. */
    List<Bytes> args();

    /**
     * Validates a request: a known command name (in any case) and the right number of
     * arguments for it.
     *
     * @throws InvalidCommandException with a Redis-style error, such as {@code ERR unknown
     *     command 'foo'} or {@code ERR wrong number of arguments for 'get' command}
     */
    static KvCommand parse(List<Bytes> args) throws InvalidCommandException {
        if (args.isEmpty()) {
            throw new InvalidCommandException("ERR empty command");
        }
        String name = args.get(0).asString().toLowerCase(Locale.ROOT);
        int n = args.size();
        switch (name) {
            case "ping":
                requireArity(name, n, 1, 2);
                return new Ping(n == 2 ? Optional.of(args.get(1)) : Optional.empty());
            case "get":
                requireArity(name, n, 2, 2);
                return new Get(args.get(1));
            case "set":
                requireArity(name, n, 3, 3);
                return new Set(args.get(1), args.get(2));
            case "del":
                requireArity(name, n, 2, Integer.MAX_VALUE);
                return new Del(args.subList(1, n));
            case "exists":
                requireArity(name, n, 2, Integer.MAX_VALUE);
                return new Exists(args.subList(1, n));
            case "cas":
                requireArity(name, n, 4, 4);
                return new Cas(args.get(1), args.get(2), args.get(3));
            case "quit":
                return new Quit();
            default:
                throw new InvalidCommandException("ERR unknown command '" + shortForm(args.get(0)) + "'");
        }
    }

    /** Parses words given as text: {@code KvCommand.of("SET", "foo", "hello")}. */
    static KvCommand of(String... words) throws InvalidCommandException {
        return parse(Arrays.stream(words).map(Bytes::of).toList());
    }

    /** {@code PING} answers {@code PONG}; {@code PING message} answers the message. */
    record Ping(Optional<Bytes> message) implements KvCommand {
        public Ping {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Reply applyTo(KvStore store) {
            return message.<Reply>map(Reply::bulk).orElse(Reply.simple("PONG"));
        }

        @Override
        public List<Bytes> args() {
            return message.map(m -> List.of(Bytes.of("PING"), m)).orElse(List.of(Bytes.of("PING")));
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code GET key}: the value, or nil. */
    record Get(Bytes key) implements KvCommand {
        public Get {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {
            return store.get(key).<Reply>map(Reply::bulk).orElse(Reply.NIL);
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("GET"), key);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code SET key value}: {@code OK}. */
    record Set(Bytes key, Bytes value) implements KvCommand {
        public Set {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Reply applyTo(KvStore store) {
            store.set(key, value);
            return Reply.OK;
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("SET"), key, value);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code DEL key...}: how many of the keys existed (and are now gone). */
    record Del(List<Bytes> keys) implements KvCommand {
        public Del {
            keys = requireKeys(keys);
        }

        @Override
        public Reply applyTo(KvStore store) {
            return Reply.integer(keys.stream().filter(store::delete).count());
        }

        @Override
        public List<Bytes> args() {
            return withName("DEL", keys);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code EXISTS key...}: how many of the keys exist, a key named twice counting twice. */
    record Exists(List<Bytes> keys) implements KvCommand {
        public Exists {
            keys = requireKeys(keys);
        }

        @Override
        public Reply applyTo(KvStore store) {
            return Reply.integer(keys.stream().filter(store::exists).count());
        }

        @Override
        public List<Bytes> args() {
            return withName("EXISTS", keys);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code CAS key expected value}: 1 if the key held {@code expected} and now holds {@code value}, else 0. */
    record Cas(Bytes key, Bytes expected, Bytes value) implements KvCommand {
        public Cas {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Reply applyTo(KvStore store) {
            return Reply.integer(store.cas(key, expected, value) ? 1 : 0);
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("CAS"), key, expected, value);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code QUIT}: {@code OK}, then the server closes the connection. */
    record Quit() implements KvCommand {
        @Override
        public Reply applyTo(KvStore store) {
            return Reply.OK;
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("QUIT"));
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    private static void requireArity(String name, int n, int min, int max)
            throws InvalidCommandException {
        if (n < min || n > max) {
            throw new InvalidCommandException("ERR wrong number of arguments for '" + name + "' command");
        }
    }

    private static List<Bytes> requireKeys(List<Bytes> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        return List.copyOf(keys);
    }

    private static List<Bytes> withName(String name, List<Bytes> keys) {
        List<Bytes> args = new ArrayList<>(keys.size() + 1);
        args.add(Bytes.of(name));
        args.addAll(keys);
        return List.copyOf(args);
    }

    /** A command name fit for an error line: escaped, and cut short if long. */
    private static String shortForm(Bytes name) {
        int max = 64;
        byte[] bytes = name.toByteArray();
        String quoted = Bytes.adopt(Arrays.copyOf(bytes, Math.min(bytes.length, max))).toString();
        return quoted.substring(1, quoted.length() - 1) + (bytes.length > max ? "..." : "");
    }

    /** The one-line form of every command: {@code SET "foo" "hello"}. */
    private static String show(KvCommand command) {
        List<Bytes> args = command.args();
        return args.get(0).asString() + args.stream().skip(1).map(arg -> " " + arg)
                .collect(Collectors.joining());
    }
}
