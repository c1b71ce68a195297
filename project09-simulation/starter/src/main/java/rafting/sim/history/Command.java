package rafting.sim.history;

import java.util.Objects;

/**
 * What a client asked of the key-value store, on one key: {@code GET}, {@code SET}, {@code DEL},
 * {@code EXISTS}, {@code CAS}, and the everyday commands {@code INCR}, {@code INCRBY},
 * {@code DECR}, {@code DECRBY}, {@code GETSET}, {@code SETNX}, {@code GETDEL}, {@code STRLEN} and
 * {@code APPEND}. Values are strings; a store that keeps bytes can record them as
 * {@code new String(bytes, StandardCharsets.ISO_8859_1)}, which maps every byte array to its own
 * string and back.
 *
 * <p>The replies the checker expects are the store's replies as text, as {@code redis-cli} shows
 * them: {@code GET} gives the value, or {@code null} when the key is absent; {@code SET} gives
 * {@code "OK"}; {@code DEL} gives {@code "1"} if it removed the key and {@code "0"} if there was
 * none; {@code EXISTS} gives {@code "1"} or {@code "0"}; {@code CAS key expected value} gives
 * {@code "1"} if the key held {@code expected} and now holds {@code value}, {@code "0"} otherwise
 * (an absent key holds nothing, so CAS on it fails). {@code INCR} gives the new value (an absent
 * key counts as 0), or {@link #NOT_AN_INTEGER} if the key held something else or the result
 * would not fit in 64 bits, and then changes nothing; {@code INCRBY}, {@code DECR} and
 * {@code DECRBY} do the same with their amount (the command's value; for DECRBY never the
 * smallest 64-bit integer, so that its negation fits); {@code GETSET} and {@code GETDEL} give the value before them, or null; {@code SETNX}
 * gives {@code "1"} if the key was absent and now holds the value, else {@code "0"};
 * {@code STRLEN} gives the value's length (0 when absent) and {@code APPEND} the length after
 * appending.
 *
 * <p>The compact constructor refuses, with an {@code IllegalArgumentException}, a value where the
 * kind takes none or none where it takes one ({@code "<kind> <key>: a value is needed for SET, CAS,
 * GETSET, SETNX, APPEND, PSETEX, INCRBY and DECRBY only"}), a time to live on anything but PSETEX or
 * none (below 1) on PSETEX ({@code "<kind> <key>: a time to live of 1 ms or more is needed for PSETEX only"}), an amount that is no 64-bit integer as Redis
 * writes one ({@code "<kind> <key>: the amount must be a 64-bit integer, got <value>"}, with
 * {@code " above the smallest"} after "integer" for DECRBY), and an expected value on anything but CAS or none on CAS
 * ({@code "<kind> <key>: an expected value is needed for CAS only"}); a null kind or key is a
 * {@code NullPointerException}.
 *
 * @param kind     which command
 * @param key      the key it works on
 * @param expected for CAS the value it expects, otherwise null
 * <p>Part 2's expiry (used by Part 12): {@code PSETEX key millis value} sets the value, to expire
 * {@code millis} after the moment it takes effect, and {@code PTTL key} gives the time left
 * ({@code -2} when absent, {@code -1} without an expiry); a key expires once the time is past its
 * expiry, as in Redis; SET and DEL end an expiry. For these two the history's times are the
 * store's milliseconds. The model keeps, with a value that expires, the bounds of the moment it
 * expires, and narrows them by what later operations saw (see the README, Part 2). A key written
 * with PSETEX takes GET, EXISTS, SET, DEL, PSETEX and PTTL only; anything else on it is an
 * {@code IllegalArgumentException} whose message contains {@code no model of <KIND> with an expiry}.
 *
 * @param value    for SET, CAS, GETSET, SETNX, APPEND and PSETEX the value it writes (or appends),
 *                 for INCRBY and DECRBY the amount, otherwise null
 * @param millis   for PSETEX the time to live, at least 1; otherwise 0
 */
public record Command(Kind kind, String key, String expected, String value, long millis) {

    /** The commands the checker knows. DEL and EXISTS take one key here. */
    public enum Kind { GET, SET, DEL, EXISTS, CAS, INCR, INCRBY, DECR, DECRBY, GETSET, SETNX, GETDEL, STRLEN, APPEND, PSETEX, PTTL }

    /** INCR's reply when the key holds a value that is not an integer, as Redis words it. */
    public static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";

    public Command {
        throw new UnsupportedOperationException("Part 2: write Command");
    }

    /** A command without a time to live: every kind but PSETEX. */
    public Command(Kind kind, String key, String expected, String value) {
        this(kind, key, expected, value, 0);
    }

    /** {@code PSETEX key millis value}: {@code value}, for {@code millis} from when it takes effect. */
    public static Command psetex(String key, long millis, String value) {
        throw new UnsupportedOperationException("Part 2: write Command.psetex");
    }

    public static Command get(String key) {
        throw new UnsupportedOperationException("Part 2: write Command.get");
    }

    public static Command set(String key, String value) {
        throw new UnsupportedOperationException("Part 2: write Command.set");
    }

    public static Command del(String key) {
        throw new UnsupportedOperationException("Part 2: write Command.del");
    }

    public static Command exists(String key) {
        throw new UnsupportedOperationException("Part 2: write Command.exists");
    }

    public static Command cas(String key, String expected, String value) {
        throw new UnsupportedOperationException("Part 2: write Command.cas");
    }

    /** {@code INCR key}, {@code GETDEL key}, {@code STRLEN key}: the commands of one key and nothing else. */
    public static Command of(Kind kind, String key) {
        throw new UnsupportedOperationException("Part 2: write Command.of");
    }

    /** {@code GETSET key value}, {@code SETNX key value}, {@code APPEND key value}. */
    public static Command of(Kind kind, String key, String value) {
        throw new UnsupportedOperationException("Part 2: write Command.of");
    }

    /**
     * The command {@code text} spells as {@link #toString} writes it ({@code SET x 1},
     * {@code CAS x 1 2}; words separated by single spaces, the command's name in capitals), or
     * null if it spells none: so a state machine can tell its clients' commands from anything
     * else in the log.
     */
    public static Command parse(String text) {
        throw new UnsupportedOperationException("Part 2: write Command.parse");
    }

    /** True for GET, EXISTS and STRLEN, which change nothing. */
    public boolean isRead() {
        throw new UnsupportedOperationException("Part 2: write Command.isRead");
    }

    /**
     * Says what is wrong with {@code reply} as this command's reply, or returns null if nothing is:
     * SET replies OK; DEL, EXISTS, CAS and SETNX 0 or 1; INCR an integer or {@link #NOT_AN_INTEGER};
     * STRLEN and APPEND a length; GET, GETSET and GETDEL anything.
     */
    String problemWithReply(String reply) {
        throw new UnsupportedOperationException("Part 2: write Command.problemWithReply");
    }

    /**
     * For INCR, INCRBY, DECR and DECRBY: the value after this command runs on {@code value} (null:
     * absent, which counts as 0), or null when {@code value} is no 64-bit integer as Redis writes
     * one ({@code 0|-?[1-9][0-9]*}) or the result would not fit in 64 bits. The checker's model
     * and the simulator's state machine both count with it.
     */
    public String counted(String value) {
        throw new UnsupportedOperationException("Part 2: write Command.counted");
    }

    /** Like {@code redis-cli} input: {@code SET x 1}, {@code CAS x 1 2}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 2: write Command.toString");
    }
}
