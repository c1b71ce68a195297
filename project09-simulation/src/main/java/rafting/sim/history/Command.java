package rafting.sim.history;

import java.util.Objects;

/**
 * What a client asked of the key-value store, on one key: {@code GET}, {@code SET}, {@code DEL},
 * {@code EXISTS}, {@code CAS}, and the everyday commands of issue 19: {@code INCR},
 * {@code INCRBY}, {@code DECR}, {@code DECRBY}, {@code GETSET}, {@code SETNX}, {@code GETDEL},
 * {@code STRLEN}, {@code APPEND}. Values are strings; a store that keeps bytes can record them as
 * {@code new String(bytes, StandardCharsets.ISO_8859_1)}, which maps every byte array to its own
 * string and back.
 *
 * <p>The replies the checker expects are the store's replies as text, as {@code redis-cli} shows
 * them: {@code GET} gives the value, or {@code null} when the key is absent; {@code SET} gives
 * {@code "OK"}; {@code DEL} gives {@code "1"} if it removed the key and {@code "0"} if there was
 * none; {@code EXISTS} gives {@code "1"} or {@code "0"}; {@code CAS key expected value} gives
 * {@code "1"} if the key held {@code expected} and now holds {@code value}, {@code "0"} otherwise
 * (an absent key holds nothing, so CAS on it fails). {@code INCR} gives the new value, or
 * {@link #NOT_AN_INTEGER} if the key held something else or the result would leave 64 bits, and
 * then changes nothing; {@code INCRBY}, {@code DECR} and {@code DECRBY} do the same with their
 * amount; {@code GETSET} and {@code GETDEL} give
 * the value before them, or null; {@code SETNX} gives {@code "1"} if the key was absent and now
 * holds the value, else {@code "0"}; {@code STRLEN} gives the value's length (0 when absent) and
 * {@code APPEND} the length after appending.
 *
 * @param kind     which command
 * @param key      the key it works on
 * @param expected for CAS the value it expects, otherwise null
 * <p>Expiry: {@code PSETEX key millis value} sets the value, to expire {@code millis} after the
 * moment it takes effect, and {@code PTTL key} gives the time left ({@code -2} when the key is
 * absent, {@code -1} when it has no expiry); a key expires once the time is past its expiry, as in
 * Redis, and SET and DEL end an expiry as they replace the value. For these two, a history's times
 * must count milliseconds of the time the store goes by (the simulator's steps, for its log's
 * time). A key written with PSETEX takes GET, EXISTS, SET, DEL, PSETEX and PTTL only.
 *
 * @param value    for SET, CAS, GETSET, SETNX, APPEND and PSETEX the value it writes (or appends),
 *                 for INCRBY and DECRBY the amount (a 64-bit integer as Redis writes it; DECRBY's
 *                 amount above the smallest), otherwise null
 * @param millis   for PSETEX the time to live, at least 1; otherwise 0
 */
public record Command(Kind kind, String key, String expected, String value, long millis) {

    /** The commands the checker knows. DEL and EXISTS take one key here. */
    public enum Kind { GET, SET, DEL, EXISTS, CAS, INCR, INCRBY, DECR, DECRBY, GETSET, SETNX, GETDEL, STRLEN, APPEND, PSETEX, PTTL }

    /** INCR's reply when the key holds a value that is not an integer, as Redis words it. */
    public static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";

    public Command {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (writesValue(kind) != (value != null)) {
            throw new IllegalArgumentException(kind + " " + key
                    + ": a value is needed for SET, CAS, GETSET, SETNX, APPEND, PSETEX, INCRBY and DECRBY only");
        }
        if ((kind == Kind.INCRBY || kind == Kind.DECRBY)
                && (amount(value) == null || (kind == Kind.DECRBY && amount(value) == Long.MIN_VALUE))) {
            throw new IllegalArgumentException(kind + " " + key + ": the amount must be a 64-bit integer"
                    + (kind == Kind.DECRBY ? " above the smallest" : "") + ", got " + value);
        }
        if ((kind == Kind.CAS) != (expected != null)) {
            throw new IllegalArgumentException(kind + " " + key + ": an expected value is needed for CAS only");
        }
        if ((kind == Kind.PSETEX) != (millis > 0) || millis < 0) {
            throw new IllegalArgumentException(kind + " " + key + ": a time to live of 1 ms or more is needed for PSETEX only");
        }
    }

    /** A command without a time to live: every kind but PSETEX. */
    public Command(Kind kind, String key, String expected, String value) {
        this(kind, key, expected, value, 0);
    }

    /** {@code PSETEX key millis value}: {@code value}, for {@code millis} from when it takes effect. */
    public static Command psetex(String key, long millis, String value) {
        return new Command(Kind.PSETEX, key, null, value, millis);
    }

    public static Command get(String key) {
        return new Command(Kind.GET, key, null, null);
    }

    public static Command set(String key, String value) {
        return new Command(Kind.SET, key, null, value);
    }

    public static Command del(String key) {
        return new Command(Kind.DEL, key, null, null);
    }

    public static Command exists(String key) {
        return new Command(Kind.EXISTS, key, null, null);
    }

    public static Command cas(String key, String expected, String value) {
        return new Command(Kind.CAS, key, expected, value);
    }

    /** {@code INCR key}, {@code GETDEL key}, {@code STRLEN key}: the commands of one key and nothing else. */
    public static Command of(Kind kind, String key) {
        return new Command(kind, key, null, null);
    }

    /** {@code GETSET key value}, {@code SETNX key value}, {@code APPEND key value}, {@code INCRBY key amount}. */
    public static Command of(Kind kind, String key, String value) {
        return new Command(kind, key, null, value);
    }

    private static boolean writesValue(Kind kind) {
        return switch (kind) {
            case SET, CAS, GETSET, SETNX, APPEND, INCRBY, DECRBY, PSETEX -> true;
            default -> false;
        };
    }

    /**
     * The command {@code text} spells as {@link #toString} writes it ({@code SET x 1},
     * {@code CAS x 1 2}; words separated by single spaces, the command's name in capitals), or
     * null if it spells none: so a state machine can tell its clients' commands from anything
     * else in the log.
     */
    public static Command parse(String text) {
        String[] words = text.split(" ", -1);
        for (String word : words) {
            if (word.isEmpty()) {
                return null;
            }
        }
        Kind kind;
        try {
            kind = Kind.valueOf(words[0]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int expectedWords = kind == Kind.CAS || kind == Kind.PSETEX ? 4 : writesValue(kind) ? 3 : 2;
        if (words.length != expectedWords) {
            return null;
        }
        try {
            return kind == Kind.CAS ? cas(words[1], words[2], words[3])
                    : kind == Kind.PSETEX ? psetex(words[1], Long.parseLong(words[2]), words[3])
                    : writesValue(kind) ? of(kind, words[1], words[2]) : of(kind, words[1]);
        } catch (IllegalArgumentException e) {
            return null; // INCRBY x lots, PSETEX x soon 1
        }
    }

    /** True for GET, EXISTS and STRLEN, which change nothing. */
    public boolean isRead() {
        return kind == Kind.GET || kind == Kind.EXISTS || kind == Kind.STRLEN;
    }

    /** Says what is wrong with {@code reply} as this command's reply, or returns null if nothing is. */
    String problemWithReply(String reply) {
        return switch (kind) {
            case GET, GETSET, GETDEL -> null;
            case SET -> "OK".equals(reply) ? null : "SET replies OK";
            case DEL, EXISTS, CAS, SETNX -> "0".equals(reply) || "1".equals(reply) ? null : kind + " replies 0 or 1";
            case INCR, INCRBY, DECR, DECRBY -> NOT_AN_INTEGER.equals(reply) || (reply != null && reply.matches("0|-?[1-9][0-9]*"))
                    ? null : kind + " replies an integer or " + NOT_AN_INTEGER;
            case STRLEN, APPEND -> reply != null && reply.matches("0|[1-9][0-9]*") ? null : kind + " replies a length";
            case PSETEX -> "OK".equals(reply) ? null : "PSETEX replies OK";
            case PTTL -> reply != null && reply.matches("-[12]|0|[1-9][0-9]*") ? null : "PTTL replies -2, -1 or the time left";
        };
    }

    /**
     * For INCR, INCRBY, DECR and DECRBY: the value after this command runs on {@code value}
     * (null: absent, which counts as 0), or null when {@code value} is no 64-bit integer as Redis
     * writes one, or the result would not fit in 64 bits: then the command replies
     * {@link #NOT_AN_INTEGER} and changes nothing.
     */
    public String counted(String value) {
        long by = switch (kind) {
            case INCR -> 1;
            case DECR -> -1;
            case INCRBY -> amount(this.value);
            case DECRBY -> -amount(this.value);
            default -> throw new IllegalStateException(this + " counts nothing");
        };
        Long before = value == null ? Long.valueOf(0) : amount(value);
        if (before == null) {
            return null;
        }
        try {
            return Long.toString(Math.addExact(before, by));
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** {@code text} as a 64-bit integer written as Redis writes one (no sign +, no leading 0), or null. */
    private static Long amount(String text) {
        if (text == null || !text.matches("0|-?[1-9][0-9]{0,18}")) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Like {@code redis-cli} input: {@code SET x 1}, {@code CAS x 1 2}, {@code PSETEX x 30 1}. */
    @Override
    public String toString() {
        return kind == Kind.CAS ? kind + " " + key + " " + expected + " " + value
                : kind == Kind.PSETEX ? kind + " " + key + " " + millis + " " + value
                : value != null ? kind + " " + key + " " + value : kind + " " + key;
    }
}
