package rafting.sim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import rafting.consensus.StateMachine;
import rafting.sim.history.Command;

/**
 * The simulated servers' application: a map of strings, driven by the commands of
 * {@link Command} written as text ({@code SET x 7}, {@code CAS x 7 9}, {@code INCR x}). It replies as
 * {@link Command} says a store replies, except that a GET of an absent key gives an empty result
 * (the values a client writes are never empty). Anything else in the log, such as a command typed
 * by hand in jshell, is answered with an error and changes nothing.
 *
 * <p>A write comes in a session (thesis §6.3), as {@code SESSION 12 1 CAS x 7 9}: command 1 of
 * the session named 12, which this machine runs at most once; the same session and number again
 * (a client's retry, committed a second time) gets the first reply and changes nothing. The
 * simulated clients name a session after the call (its number in the history), one command each;
 * the real system opens sessions through the log and numbers their commands. A machine built with
 * {@code new KvMachine(false)} forgets sessions and runs a retry again: the broken rule that the
 * simulator's history check must catch.
 *
 * <p>Each life of each server gets a fresh machine, which the driver fills again from the
 * server's snapshot, if it has one, and by re-applying its log as the node learns the commit
 * index. A snapshot holds the values and the sessions' replies: a retry that comes after it is
 * still answered, not run. It is written apart from the checker's model of a register
 * on purpose: a mistake shared by both would hide itself.
 */
final class KvMachine implements StateMachine {

    static final byte[] ABSENT = new byte[0];
    private static final byte[] OK = bytes("OK");
    private static final byte[] ONE = bytes("1");
    private static final byte[] ZERO = bytes("0");
    private static final byte[] UNKNOWN = bytes("ERR unknown command");

    private final Map<String, String> values = new HashMap<>();
    private final Map<Long, byte[]> sessions = new HashMap<>(); // session -> the reply of its command 1
    private final boolean exactlyOnce;
    private final boolean sessionsInSnapshot;

    KvMachine() {
        this(true);
    }

    /** A machine that keeps its sessions' replies ({@code exactlyOnce}), or one that runs every retry again. */
    KvMachine(boolean exactlyOnce) {
        this(exactlyOnce, true);
    }

    /**
     * The same, whose snapshot holds the sessions' replies, or leaves them out
     * ({@code Flaw.SESSIONS_LEFT_OUT_OF_SNAPSHOT}): then a machine restored from it runs a retry again.
     */
    KvMachine(boolean exactlyOnce, boolean sessionsInSnapshot) {
        this.exactlyOnce = exactlyOnce;
        this.sessionsInSnapshot = sessionsInSnapshot;
    }

    /** {@code text} in session {@code session}, as the log holds it: {@code SESSION 12 1 SET x 7}. */
    static String inSession(long session, String text) {
        return "SESSION " + session + " 1 " + text;
    }

    /**
     * Answers a read-only command ({@link Command#isRead()}) from the state as it is, changing
     * nothing: a read-index read (thesis §6.4), which never reaches the log.
     */
    byte[] query(String text) {
        Command parsed = Command.parse(text);
        if (parsed == null || !parsed.isRead()) {
            throw new IllegalArgumentException("not a read: " + text);
        }
        return answer(parsed);
    }

    @Override
    public byte[] apply(long index, byte[] command) {
        String text = new String(command, StandardCharsets.UTF_8);
        String[] session = text.split(" ", 4);
        if (session.length == 4 && session[0].equals("SESSION") && session[2].equals("1")) {
            long id;
            try {
                id = Long.parseLong(session[1]);
            } catch (NumberFormatException e) {
                return UNKNOWN;
            }
            byte[] first = exactlyOnce ? sessions.get(id) : null;
            if (first != null) {
                return first; // §6.3: a retry is answered, not run
            }
            byte[] reply = apply(index, session[3].getBytes(StandardCharsets.UTF_8));
            sessions.put(id, reply);
            return reply;
        }
        Command parsed = Command.parse(text);
        if (parsed == null) {
            return UNKNOWN;
        }
        return answer(parsed);
    }

    /** The values and the sessions' replies, in key order: {@link #restore} rebuilds this machine from them. */
    @Override
    public byte[] snapshot() {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(values.size());
            for (var value : new TreeMap<>(values).entrySet()) {
                out.writeUTF(value.getKey());
                out.writeUTF(value.getValue());
            }
            var kept = sessionsInSnapshot ? new TreeMap<>(sessions) : new TreeMap<Long, byte[]>();
            out.writeInt(kept.size());
            for (var session : kept.entrySet()) {
                out.writeLong(session.getKey());
                out.writeInt(session.getValue().length);
                out.write(session.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    @Override
    public void restore(byte[] snapshot) {
        values.clear();
        sessions.clear();
        try (var in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            for (int n = in.readInt(); n > 0; n--) {
                values.put(in.readUTF(), in.readUTF());
            }
            for (int n = in.readInt(); n > 0; n--) {
                long id = in.readLong();
                sessions.put(id, in.readNBytes(in.readInt()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a snapshot of this machine: " + e, e);
        }
    }

    private byte[] answer(Command parsed) {
        String key = parsed.key();
        return switch (parsed.kind()) {
            case GET -> values.containsKey(key) ? bytes(values.get(key)) : ABSENT;
            case EXISTS -> values.containsKey(key) ? ONE : ZERO;
            case SET -> {
                values.put(key, parsed.value());
                yield OK;
            }
            case DEL -> values.remove(key) != null ? ONE : ZERO;
            case CAS -> {
                if (!parsed.expected().equals(values.get(key))) {
                    yield ZERO;
                }
                values.put(key, parsed.value());
                yield ONE;
            }
            case INCR, INCRBY, DECR, DECRBY -> {
                String counted = parsed.counted(values.get(key));
                if (counted == null) {
                    yield bytes(Command.NOT_AN_INTEGER);
                }
                values.put(key, counted);
                yield bytes(counted);
            }
            case GETSET -> {
                String old = values.put(key, parsed.value());
                yield old == null ? ABSENT : bytes(old);
            }
            case GETDEL -> {
                String old = values.remove(key);
                yield old == null ? ABSENT : bytes(old);
            }
            case SETNX -> values.putIfAbsent(key, parsed.value()) == null ? ONE : ZERO;
            case STRLEN -> bytes(Integer.toString(values.getOrDefault(key, "").length()));
            case APPEND -> {
                String joined = values.getOrDefault(key, "") + parsed.value();
                values.put(key, joined);
                yield bytes(Integer.toString(joined.length()));
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
