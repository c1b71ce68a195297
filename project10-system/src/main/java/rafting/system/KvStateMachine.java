package rafting.system;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import rafting.consensus.StateMachine;
import rafting.kv.Bytes;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;
import rafting.kv.KvStore;
import rafting.kv.Reply;

/**
 * Project 1's {@link KvStore} as Raft's state machine, with the table of client {@link Sessions}.
 * A log entry holds a {@link ClientRequest} and the time at which the leader proposed it
 * ({@link #encode}):
 *
 * <pre>
 *   a command          int -1, long millis, int count, count x (int size, bytes)
 *   SESSION OPEN       int -2, long millis
 *   a session command  int -3, long millis, long session, long seq, int count, count x (int size, bytes)
 * </pre>
 *
 * Applying it runs the command on the store (at most once in a session) and returns the reply
 * exactly as it goes on the wire, RESP2, so the client's connection sends those bytes as they are.
 *
 * <p>Time comes from the log, never from this machine's clock: the store's clock reads the time of
 * the entry being applied, and never goes back (an entry stamped earlier than one before it, by a
 * leader whose clock is behind, runs at the later time). So every replica expires the same keys at
 * the same index, and a replica that applies the log a day later still gives the same replies.
 * Entries written before stamping existed (an int count first) run at the time of the entry
 * before them.
 *
 * <p>A snapshot ({@link #snapshot()}, §7) holds the log's time, every key with its value and
 * expiry, and the session table, so that a retry after a restore is still answered, not run:
 *
 * <pre>
 *   int magic 'RKV1', long logTime, int keys, keys x (int size, key, int size, value, long expiresAt or -1),
 *   then the sessions (see Sessions.writeTo)
 * </pre>
 */
public final class KvStateMachine implements StateMachine {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int STAMPED = -1;
    private static final int OPEN_SESSION = -2;
    private static final int IN_SESSION = -3;
    private static final int SNAPSHOT_MAGIC = 0x524B5631; // "RKV1"

    /** A request and the time its leader proposed it, in milliseconds since the epoch; -1 if unknown. */
    record Stamped(long millis, ClientRequest request) {
        Stamped(long millis, KvCommand command) {
            this(millis, new ClientRequest.Plain(command));
        }
    }

    private long logTime;
    private final KvStore store = new KvStore(() -> logTime);
    private final Sessions sessions = new Sessions();

    /** The entry bytes for {@code command}, proposed at {@code millis} (milliseconds since the epoch). */
    public static byte[] encode(KvCommand command, long millis) {
        return encode(new ClientRequest.Plain(command), millis);
    }

    /** The entry bytes for {@code request}, proposed at {@code millis}. */
    static byte[] encode(ClientRequest request, long millis) {
        if (request instanceof ClientRequest.OpenSession) {
            return ByteBuffer.allocate(4 + 8).putInt(OPEN_SESSION).putLong(millis).array();
        }
        List<Bytes> args = request.command().args();
        int size = 4 + 8 + 4 + (request instanceof ClientRequest.InSession ? 16 : 0);
        var parts = new ArrayList<byte[]>(args.size());
        for (Bytes arg : args) {
            byte[] bytes = arg.toByteArray();
            parts.add(bytes);
            size += 4 + bytes.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        if (request instanceof ClientRequest.InSession in) {
            out.putInt(IN_SESSION).putLong(millis).putLong(in.session()).putLong(in.seq());
        } else {
            out.putInt(STAMPED).putLong(millis);
        }
        out.putInt(parts.size());
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    /** The command an entry holds; an entry that is not one (which the leader never writes) is refused. */
    static Stamped decode(byte[] entry) throws InvalidCommandException {
        try {
            ByteBuffer in = ByteBuffer.wrap(entry);
            int n = in.getInt();
            long millis = -1;
            long session = 0;
            long seq = 0;
            if (n == OPEN_SESSION) {
                millis = in.getLong();
                if (in.hasRemaining()) {
                    throw new InvalidCommandException("ERR a session's opening with bytes left over");
                }
                return new Stamped(millis, new ClientRequest.OpenSession());
            }
            if (n == STAMPED || n == IN_SESSION) {
                millis = in.getLong();
                if (n == IN_SESSION) {
                    session = in.getLong();
                    seq = in.getLong();
                }
                n = in.getInt();
            }
            if (n < 1 || n > in.remaining() / 4) {
                throw new InvalidCommandException("ERR a log entry with " + n + " arguments");
            }
            var args = new ArrayList<Bytes>(n);
            for (int i = 0; i < n; i++) {
                byte[] arg = new byte[in.getInt()];
                in.get(arg);
                args.add(Bytes.of(arg));
            }
            KvCommand command = KvCommand.parse(args);
            return new Stamped(millis, session == 0 ? new ClientRequest.Plain(command)
                    : new ClientRequest.InSession(session, seq, command));
        } catch (BufferUnderflowException | NegativeArraySizeException | IllegalArgumentException e) {
            throw new InvalidCommandException("ERR a log entry that is not a command");
        }
    }

    /**
     * True for the commands that only read and whose answer does not depend on the time
     * ({@code GET}, {@code MGET}, {@code EXISTS}, {@code STRLEN}, {@code DBSIZE}): a leader may
     * answer them with {@link #read} at a read index instead of through the log. {@code TTL} and
     * {@code PTTL} go through the log although they change nothing: their answer is the time left,
     * and the store's time stands still between entries, so only an entry's stamp says what it is.
     */
    static boolean isRead(KvCommand command) {
        return command instanceof KvCommand.Get || command instanceof KvCommand.MGet
                || command instanceof KvCommand.Exists || command instanceof KvCommand.Strlen
                || command instanceof KvCommand.DbSize;
    }

    /**
     * True when a read at wall-clock time {@code millis} could see a key expire that the log's
     * time has not reached: such a read must go through the log, whose entry carries the leader's
     * time to every replica. Otherwise {@link #read} at the log's time answers as a read at
     * {@code millis} would.
     */
    boolean expiresBefore(long millis) {
        return store.nextExpiry().isPresent() && store.nextExpiry().getAsLong() < millis;
    }

    /**
     * Answers {@code command}, one that {@link #isRead only reads}, from the store as it is, at the
     * log's time: a read-index read (thesis §6.4). Keys it finds expired at that time would be
     * dropped by the next entry anyway, so every replica still holds the same store.
     */
    byte[] read(KvCommand command) {
        if (!isRead(command)) {
            throw new IllegalArgumentException(command + " writes: it goes through the log");
        }
        return resp(command.applyTo(store));
    }

    @Override
    public byte[] apply(long index, byte[] entry) {
        Stamped stamped;
        try {
            stamped = decode(entry);
        } catch (InvalidCommandException e) {
            return resp(e.reply());
        }
        logTime = Math.max(logTime, stamped.millis());
        if (stamped.request() instanceof ClientRequest.OpenSession) {
            sessions.open(index, logTime); // §6.3: the id is the entry's index, the same everywhere
            return resp(Reply.integer(index));
        }
        if (stamped.request() instanceof ClientRequest.InSession in) {
            return sessions.run(in.session(), in.seq(), logTime, () -> resp(in.command().applyTo(store)));
        }
        return resp(stamped.request().command().applyTo(store));
    }

    /** The whole state in one array of exactly its size, sized first: a snapshot of many keys makes no copies on the way. */
    @Override
    public byte[] snapshot() {
        long[] size = {4 + 8 + 4 + sessions.snapshotBytes()};
        int[] keys = {0};
        store.forEachEntry((key, value, at) -> {
            size[0] += 4 + key.length() + 4 + value.length() + 8;
            keys[0]++;
        });
        if (size[0] > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a snapshot of " + size[0] + " bytes is more than an array holds");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size[0]);
        out.putInt(SNAPSHOT_MAGIC).putLong(logTime).putInt(keys[0]); // counted, not store.size(): that reads the clock
        store.forEachEntry((key, value, at) -> {
            byte[] k = key.toByteArray();
            byte[] v = value.toByteArray();
            out.putInt(k.length).put(k).putInt(v.length).put(v).putLong(at);
        });
        sessions.writeTo(out);
        return out.array();
    }

    @Override
    public void restore(byte[] snapshot) {
        ByteBuffer in = ByteBuffer.wrap(snapshot);
        try {
            if (in.getInt() != SNAPSHOT_MAGIC) {
                throw new IllegalArgumentException("not a snapshot of this state machine: it does not start with RKV1");
            }
            long time = in.getLong();
            int keys = in.getInt();
            if (keys < 0) {
                throw new IllegalArgumentException("a snapshot of " + keys + " keys");
            }
            store.clear();
            for (int i = 0; i < keys; i++) {
                Bytes key = Bytes.of(field(in));
                Bytes value = Bytes.of(field(in));
                store.putEntry(key, value, in.getLong());
            }
            sessions.readFrom(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes left over after the sessions");
            }
            logTime = time;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a snapshot of this state machine that ends early or is damaged: "
                    + (e.getMessage() == null ? "it ends early" : e.getMessage()), e);
        }
    }

    /** A size-prefixed field of a snapshot. */
    private static byte[] field(ByteBuffer in) {
        int size = in.getInt();
        if (size < 0 || size > in.remaining()) {
            throw new IllegalArgumentException("a field of " + size + " bytes where " + in.remaining() + " remain");
        }
        byte[] bytes = new byte[size];
        in.get(bytes);
        return bytes;
    }

    /** The sessions open now. */
    Sessions sessions() {
        return sessions;
    }

    /** The time of the last entry applied: the store's clock. */
    long logTime() {
        return logTime;
    }

    public KvStore store() {
        return store;
    }

    /** {@code reply} as RESP2 bytes. */
    static byte[] resp(Reply reply) {
        var out = new ByteArrayOutputStream(32);
        if (reply instanceof Reply.Simple s) {
            line(out, '+', s.text());
        } else if (reply instanceof Reply.Error e) {
            line(out, '-', e.message());
        } else if (reply instanceof Reply.Int i) {
            line(out, ':', Long.toString(i.value()));
        } else if (reply instanceof Reply.Nil) {
            line(out, '$', "-1");
        } else if (reply instanceof Reply.Bulk b) {
            line(out, '$', Integer.toString(b.value().length()));
            out.writeBytes(b.value().toByteArray());
            out.writeBytes(CRLF);
        } else if (reply instanceof Reply.Array a) {
            line(out, '*', Integer.toString(a.items().size()));
            a.items().forEach(item -> out.writeBytes(resp(item)));
        }
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, char type, String text) {
        out.write(type);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
    }
}
