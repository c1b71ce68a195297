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
import java.util.StringJoiner;
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
 * <p>In runs with the everyday commands ({@link Scenario#everyday()}) each entry starts with the
 * leader's time as it proposed it, {@code @812 SESSION 12 1 PSETEX t 120 17}: the machine's time is
 * the latest such stamp (never going back), and a value written by {@code PSETEX t 120 17} at
 * time 812 expires once that time is past 932, on every replica at the same entry, whatever
 * their own clocks. The commands of several keys run whole in one entry: {@code MSET},
 * {@code MSETNX} (all or none), and {@code MGET}, which answers its values one per line, an
 * empty line for an absent key.
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
    /** When each value with an expiry expires, in the log's time. */
    private final Map<String, Long> expiries = new HashMap<>();
    /** The latest stamp of the entries applied: the time the machine goes by. */
    private long logTime;
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
        if (text.startsWith("MGET ")) {
            return mget(text);
        }
        Command parsed = Command.parse(text);
        if (parsed == null || !parsed.isRead()) {
            throw new IllegalArgumentException("not a read: " + text);
        }
        return answer(parsed);
    }

    /** {@code text} stamped with the leader's time {@code millis}, as the log holds it in runs with the everyday commands. */
    static String stamped(long millis, String text) {
        return "@" + millis + " " + text;
    }

    /**
     * The earliest time at which a value expires, or Long.MAX_VALUE: a read at a later time could
     * see a value expire that the log's time has not reached, so it must go through the log.
     */
    long nextExpiry() {
        return expiries.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }

    @Override
    public byte[] apply(long index, byte[] command) {
        String text = new String(command, StandardCharsets.UTF_8);
        if (text.startsWith("@")) {
            int space = text.indexOf(' ');
            try {
                logTime = Math.max(logTime, Long.parseLong(text.substring(1, space < 0 ? text.length() : space)));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                return UNKNOWN;
            }
            text = space < 0 ? "" : text.substring(space + 1);
            // Redis's rule: a value is gone once the time is past its expiry.
            expiries.entrySet().removeIf(expiry -> {
                boolean expired = expiry.getValue() < logTime;
                if (expired) {
                    values.remove(expiry.getKey());
                }
                return expired;
            });
        }
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
        String[] words = text.split(" ");
        if (words[0].equals("MGET")) {
            return mget(text);
        }
        if ((words[0].equals("MSET") || words[0].equals("MSETNX")) && words.length >= 3 && words.length % 2 == 1) {
            boolean onlyNew = words[0].equals("MSETNX");
            for (int i = 1; onlyNew && i < words.length; i += 2) {
                if (live(words[i]) != null) {
                    return ZERO;
                }
            }
            for (int i = 1; i < words.length; i += 2) {
                values.put(words[i], words[i + 1]);
                expiries.remove(words[i]);
            }
            return onlyNew ? ONE : OK;
        }
        Command parsed = Command.parse(text);
        if (parsed == null) {
            return UNKNOWN;
        }
        return answer(parsed);
    }

    /** {@code MGET k1 k2 ...}: the values, one per line, an empty line for an absent key. */
    private byte[] mget(String text) {
        String[] words = text.split(" ");
        var lines = new StringJoiner("\n");
        for (int i = 1; i < words.length; i++) {
            String value = live(words[i]);
            lines.add(value == null ? "" : value);
        }
        return bytes(lines.toString());
    }

    /** The value of {@code key} at the log's time, or null. */
    private String live(String key) {
        Long expiry = expiries.get(key);
        return expiry != null && expiry < logTime ? null : values.get(key);
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
            if (logTime != 0 || !expiries.isEmpty()) { // only in runs with the everyday commands: the others' snapshots stay as they were
                out.writeLong(logTime);
                out.writeInt(expiries.size());
                for (var expiry : new TreeMap<>(expiries).entrySet()) {
                    out.writeUTF(expiry.getKey());
                    out.writeLong(expiry.getValue());
                }
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
        expiries.clear();
        logTime = 0;
        try (var in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            for (int n = in.readInt(); n > 0; n--) {
                values.put(in.readUTF(), in.readUTF());
            }
            for (int n = in.readInt(); n > 0; n--) {
                long id = in.readLong();
                sessions.put(id, in.readNBytes(in.readInt()));
            }
            if (in.available() > 0) {
                logTime = in.readLong();
                for (int n = in.readInt(); n > 0; n--) {
                    expiries.put(in.readUTF(), in.readLong());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a snapshot of this machine: " + e, e);
        }
    }

    private byte[] answer(Command parsed) {
        String key = parsed.key();
        String now = live(key); // reads change nothing, so they may run at a read index between entries
        return switch (parsed.kind()) {
            case GET -> now != null ? bytes(now) : ABSENT;
            case EXISTS -> now != null ? ONE : ZERO;
            case STRLEN -> bytes(Integer.toString(now == null ? 0 : now.length()));
            case PTTL -> bytes(now == null ? "-2" : expiries.containsKey(key) ? Long.toString(expiries.get(key) - logTime) : "-1");
            case SET -> replace(key, parsed.value(), OK);
            case PSETEX -> {
                values.put(key, parsed.value());
                expiries.put(key, logTime + parsed.millis());
                yield OK;
            }
            case DEL -> replace(key, null, now != null ? ONE : ZERO);
            case CAS -> parsed.expected().equals(now) ? replace(key, parsed.value(), ONE) : ZERO;
            case INCR, INCRBY, DECR, DECRBY -> {
                String counted = parsed.counted(now);
                if (counted == null) {
                    yield bytes(Command.NOT_AN_INTEGER);
                }
                values.put(key, counted); // as in Redis, a counter keeps its expiry
                yield bytes(counted);
            }
            case GETSET -> replace(key, parsed.value(), now == null ? ABSENT : bytes(now));
            case GETDEL -> replace(key, null, now == null ? ABSENT : bytes(now));
            case SETNX -> now == null ? replace(key, parsed.value(), ONE) : ZERO;
            case APPEND -> {
                String joined = (now == null ? "" : now) + parsed.value();
                values.put(key, joined);
                yield bytes(Integer.toString(joined.length()));
            }
        };
    }

    /** Puts {@code value} (null: removes the key) without an expiry, and returns {@code reply}. */
    private byte[] replace(String key, String value, byte[] reply) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        expiries.remove(key);
        return reply;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
