package rafting.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
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
     * Validates a request: a known command name (in any case), the right number of arguments
     * for it, and options and numbers that make sense; the errors are Redis 7's, word for word.
     *
     * @throws InvalidCommandException with a Redis-style error, such as {@code ERR unknown
     *     command 'foo', with args beginning with: } or {@code ERR wrong number of arguments for
     *     'get' command}
     */
    static KvCommand parse(List<Bytes> args) throws InvalidCommandException {
        if (args.isEmpty()) {
            throw new InvalidCommandException("ERR empty command");
        }
        String name = CommandTable.check(args);
        int n = args.size();
        switch (name) {
            case "ping":
                if (n > 2) {
                    throw new InvalidCommandException(CommandTable.wrongArity(name));
                }
                return new Ping(n == 2 ? Optional.of(args.get(1)) : Optional.empty());
            case "get":
                return new Get(args.get(1));
            case "set":
                return Set.parse(args);
            case "del":
                return new Del(args.subList(1, n));
            case "exists":
                return new Exists(args.subList(1, n));
            case "cas":
                return new Cas(args.get(1), args.get(2), args.get(3));
            case "incr":
                return new IncrBy(args.get(1), 1);
            case "decr":
                return new IncrBy(args.get(1), -1);
            case "incrby":
                return new IncrBy(args.get(1), Errors.integer(args.get(2)));
            case "decrby": {
                long by = Errors.integer(args.get(2));
                if (by == Long.MIN_VALUE) {
                    throw new InvalidCommandException("ERR decrement would overflow");
                }
                return new IncrBy(args.get(1), -by);
            }
            case "append":
                return new Append(args.get(1), args.get(2));
            case "strlen":
                return new Strlen(args.get(1));
            case "getdel":
                return new GetDel(args.get(1));
            case "getset":
                return new GetSet(args.get(1), args.get(2));
            case "setnx":
                return new SetNx(args.get(1), args.get(2));
            case "mget":
                return new MGet(args.subList(1, n));
            case "mset":
            case "msetnx":
                if (n % 2 == 0) {
                    throw new InvalidCommandException(CommandTable.wrongArity(name));
                }
                return name.equals("mset") ? new MSet(args.subList(1, n)) : new MSetNx(args.subList(1, n));
            case "expire":
            case "pexpire":
                return Expire.parse(name, args);
            case "ttl":
                return new Ttl(args.get(1), false);
            case "pttl":
                return new Ttl(args.get(1), true);
            case "persist":
                return new Persist(args.get(1));
            case "dbsize":
                return new DbSize();
            case "flushall":
                if (n > 2 || (n == 2 && !List.of("sync", "async").contains(args.get(1).asString().toLowerCase(Locale.ROOT)))) {
                    throw new InvalidCommandException(Errors.SYNTAX);
                }
                return new FlushAll();
            case "quit":
                return new Quit();
            default:
                // COMMAND, HELLO, CLUSTER and the like are the server's, not the store's.
                throw new InvalidCommandException(CommandTable.unknown(args));
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
            Condition condition = Condition.ALWAYS;
            boolean get = false;
            Ttl ttl = Ttl.NONE;
            Bytes amount = null;
            for (int i = 3; i < args.size(); i++) {
                String option = args.get(i).asString().toUpperCase(Locale.ROOT);
                boolean last = i + 1 == args.size();
                switch (option) {
                    case "NX", "XX" -> {
                        Condition wanted = Condition.valueOf(option);
                        if (condition != Condition.ALWAYS && condition != wanted) {
                            throw new InvalidCommandException(Errors.SYNTAX);
                        }
                        condition = wanted;
                    }
                    case "GET" -> get = true;
                    case "KEEPTTL" -> {
                        if (ttl != Ttl.NONE && ttl != Ttl.KEEPTTL) {
                            throw new InvalidCommandException(Errors.SYNTAX);
                        }
                        ttl = Ttl.KEEPTTL;
                    }
                    case "EX", "PX", "EXAT", "PXAT" -> {
                        Ttl wanted = Ttl.valueOf(option);
                        if (last || (ttl != Ttl.NONE && ttl != wanted)) {
                            throw new InvalidCommandException(Errors.SYNTAX);
                        }
                        ttl = wanted;
                        amount = args.get(++i);
                    }
                    default -> throw new InvalidCommandException(Errors.SYNTAX);
                }
            }
            long n = 0;
            if (amount != null) {
                n = Errors.integer(amount);
                boolean seconds = ttl == Ttl.EX || ttl == Ttl.EXAT;
                if (n <= 0 || (seconds && n > Long.MAX_VALUE / 1000)) {
                    throw new InvalidCommandException(Errors.invalidExpire("set"));
                }
            }
            return new Set(args.get(1), args.get(2), condition, get, ttl, n);
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                long now = store.now();
                long deadline = switch (ttl) {
                    case NONE, KEEPTTL -> 0;
                    case EX -> now + amount * 1000;
                    case PX -> now + amount;
                    case EXAT -> amount * 1000;
                    case PXAT -> amount;
                };
                if (deadline < 0 || (ttl == Ttl.PX && now > Long.MAX_VALUE - amount)
                        || (ttl == Ttl.EX && now > Long.MAX_VALUE - amount * 1000)) {
                    return Reply.error(Errors.invalidExpire("set"));
                }
                Optional<Bytes> old = store.get(key);
                Reply done = get ? old.<Reply>map(Reply::bulk).orElse(Reply.NIL) : Reply.OK;
                if ((condition == Condition.NX && old.isPresent()) || (condition == Condition.XX && old.isEmpty())) {
                    return get ? done : Reply.NIL;
                }
                if (ttl == Ttl.KEEPTTL) {
                    store.setKeepingExpiry(key, value);
                } else {
                    store.set(key, value);
                }
                if (ttl != Ttl.NONE && ttl != Ttl.KEEPTTL) {
                    store.expireAt(key, deadline);
                }
                return done;
            }
        }

        @Override
        public List<Bytes> args() {
            List<Bytes> args = new ArrayList<>(List.of(Bytes.of("SET"), key, value));
            if (condition != Condition.ALWAYS) {
                args.add(Bytes.of(condition.name()));
            }
            if (get) {
                args.add(Bytes.of("GET"));
            }
            if (ttl != Ttl.NONE) {
                args.add(Bytes.of(ttl.name()));
            }
            if (ttl != Ttl.NONE && ttl != Ttl.KEEPTTL) {
                args.add(Bytes.of(Long.toString(amount)));
            }
            return List.copyOf(args);
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

    /** {@code INCR}, {@code DECR}, {@code INCRBY}, {@code DECRBY} as one: adds {@code by}, replies the new value. */
    record IncrBy(Bytes key, long by) implements KvCommand {
        public IncrBy {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                Optional<Bytes> old = store.get(key);
                OptionalLong value = old.isEmpty() ? OptionalLong.of(0) : Errors.parse(old.get());
                if (value.isEmpty()) {
                    return Reply.error(Errors.NOT_AN_INTEGER);
                }
                long sum;
                try {
                    sum = Math.addExact(value.getAsLong(), by);
                } catch (ArithmeticException e) {
                    return Reply.error("ERR increment or decrement would overflow");
                }
                store.setKeepingExpiry(key, Bytes.of(Long.toString(sum)));
                return Reply.integer(sum);
            }
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("INCRBY"), key, Bytes.of(Long.toString(by)));
        }

        @Override
        public String toString() {
            return show(this);
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
            synchronized (store) {
                Bytes old = store.get(key).orElse(Bytes.EMPTY);
                if ((long) old.length() + value.length() > KvStore.MAX_VALUE_LENGTH) {
                    return Reply.error("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
                }
                Bytes joined = old.concat(value);
                store.setKeepingExpiry(key, joined);
                return Reply.integer(joined.length());
            }
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("APPEND"), key, value);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code STRLEN key}: the value's length in bytes, 0 for a missing key. */
    record Strlen(Bytes key) implements KvCommand {
        public Strlen {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {
            return Reply.integer(store.get(key).map(Bytes::length).orElse(0));
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("STRLEN"), key);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code GETDEL key}: the value, or nil, and the key is gone. */
    record GetDel(Bytes key) implements KvCommand {
        public GetDel {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                Optional<Bytes> old = store.get(key);
                store.delete(key);
                return old.<Reply>map(Reply::bulk).orElse(Reply.NIL);
            }
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("GETDEL"), key);
        }

        @Override
        public String toString() {
            return show(this);
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
            return new Set(key, value, Set.Condition.ALWAYS, true, Set.Ttl.NONE, 0).applyTo(store);
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("GETSET"), key, value);
        }

        @Override
        public String toString() {
            return show(this);
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
            synchronized (store) {
                if (store.exists(key)) {
                    return Reply.integer(0);
                }
                store.set(key, value);
                return Reply.integer(1);
            }
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("SETNX"), key, value);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code MGET key...}: each key's value or nil, all read at one moment. */
    record MGet(List<Bytes> keys) implements KvCommand {
        public MGet {
            keys = requireKeys(keys);
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                return Reply.array(keys.stream().map(key -> store.get(key).<Reply>map(Reply::bulk).orElse(Reply.NIL))
                        .toList());
            }
        }

        @Override
        public List<Bytes> args() {
            return withName("MGET", keys);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code MSET key value [key value...]}: {@code OK}; every pair written at one moment. */
    record MSet(List<Bytes> pairs) implements KvCommand {
        public MSet {
            pairs = requirePairs(pairs);
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                for (int i = 0; i < pairs.size(); i += 2) {
                    store.set(pairs.get(i), pairs.get(i + 1));
                }
                return Reply.OK;
            }
        }

        @Override
        public List<Bytes> args() {
            return withName("MSET", pairs);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code MSETNX key value [key value...]}: 1 and every pair written if no key existed, else 0 and nothing. */
    record MSetNx(List<Bytes> pairs) implements KvCommand {
        public MSetNx {
            pairs = requirePairs(pairs);
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                for (int i = 0; i < pairs.size(); i += 2) {
                    if (store.exists(pairs.get(i))) {
                        return Reply.integer(0);
                    }
                }
                new MSet(pairs).applyTo(store);
                return Reply.integer(1);
            }
        }

        @Override
        public List<Bytes> args() {
            return withName("MSETNX", pairs);
        }

        @Override
        public String toString() {
            return show(this);
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
            boolean nx = false;
            boolean xx = false;
            boolean gt = false;
            boolean lt = false;
            for (Bytes option : args.subList(3, args.size())) {
                switch (option.asString().toUpperCase(Locale.ROOT)) {
                    case "NX" -> nx = true;
                    case "XX" -> xx = true;
                    case "GT" -> gt = true;
                    case "LT" -> lt = true;
                    default -> throw new InvalidCommandException("ERR Unsupported option " + option.asString());
                }
            }
            if (nx && (xx || gt || lt)) {
                throw new InvalidCommandException("ERR NX and XX, GT or LT options at the same time are not compatible");
            }
            if (gt && lt) {
                throw new InvalidCommandException("ERR GT and LT options at the same time are not compatible");
            }
            long amount = Errors.integer(args.get(2));
            boolean millis = name.equals("pexpire");
            if (!millis && (amount > Long.MAX_VALUE / 1000 || amount < Long.MIN_VALUE / 1000)) {
                throw new InvalidCommandException(Errors.invalidExpire(name));
            }
            return new Expire(args.get(1), amount, millis, nx, xx, gt, lt);
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                long now = store.now();
                long relative = millis ? amount : amount * 1000;
                if (relative > Long.MAX_VALUE - now) {
                    return Reply.error(Errors.invalidExpire(millis ? "pexpire" : "expire"));
                }
                long deadline = now + relative;
                if (!store.exists(key)) {
                    return Reply.integer(0);
                }
                OptionalLong current = store.expiresAt(key);
                if ((nx && current.isPresent()) || (xx && current.isEmpty())
                        || (gt && (current.isEmpty() || deadline <= current.getAsLong()))
                        || (lt && current.isPresent() && deadline >= current.getAsLong())) {
                    return Reply.integer(0);
                }
                store.expireAt(key, deadline);
                return Reply.integer(1);
            }
        }

        @Override
        public List<Bytes> args() {
            List<Bytes> args = new ArrayList<>(List.of(Bytes.of(millis ? "PEXPIRE" : "EXPIRE"), key,
                    Bytes.of(Long.toString(amount))));
            for (String option : List.of("NX", "XX", "GT", "LT")) {
                boolean on = switch (option) {
                    case "NX" -> nx;
                    case "XX" -> xx;
                    case "GT" -> gt;
                    default -> lt;
                };
                if (on) {
                    args.add(Bytes.of(option));
                }
            }
            return List.copyOf(args);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code TTL key} (seconds, rounded) and {@code PTTL key} (ms): time left, -1 if it never expires, -2 if missing. */
    record Ttl(Bytes key, boolean millis) implements KvCommand {
        public Ttl {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {
            synchronized (store) {
                if (!store.exists(key)) {
                    return Reply.integer(-2);
                }
                OptionalLong at = store.expiresAt(key);
                if (at.isEmpty()) {
                    return Reply.integer(-1);
                }
                long left = Math.max(0, at.getAsLong() - store.now());
                return Reply.integer(millis ? left : (left + 500) / 1000);
            }
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of(millis ? "PTTL" : "TTL"), key);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code PERSIST key}: 1 if the key had an expiry time and now has none, else 0. */
    record Persist(Bytes key) implements KvCommand {
        public Persist {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Reply applyTo(KvStore store) {
            return Reply.integer(store.persist(key) ? 1 : 0);
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("PERSIST"), key);
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    /** {@code DBSIZE}: how many keys the store holds. */
    record DbSize() implements KvCommand {
        @Override
        public Reply applyTo(KvStore store) {
            return Reply.integer(store.size());
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("DBSIZE"));
        }

        @Override
        public String toString() {
            return show(this);
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
            store.clear();
            return Reply.OK;
        }

        @Override
        public List<Bytes> args() {
            return List.of(Bytes.of("FLUSHALL"));
        }

        @Override
        public String toString() {
            return show(this);
        }
    }

    private static List<Bytes> requirePairs(List<Bytes> pairs) {
        if (pairs.isEmpty() || pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs, at least one: " + pairs);
        }
        return List.copyOf(pairs);
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

    /** The one-line form of every command: {@code SET "foo" "hello"}. */
    private static String show(KvCommand command) {
        List<Bytes> args = command.args();
        return args.get(0).asString() + args.stream().skip(1).map(arg -> " " + arg)
                .collect(Collectors.joining());
    }
}
