package rafting.sim.history;

import java.util.Objects;

/**
 * What a client asked of the key-value store, on one key: {@code GET}, {@code SET}, {@code DEL},
 * {@code EXISTS} or {@code CAS}. Values are strings; a store that keeps bytes can record them as
 * {@code new String(bytes, StandardCharsets.ISO_8859_1)}, which maps every byte array to its own
 * string and back.
 *
 * <p>The replies the checker expects are the store's replies as text, as {@code redis-cli} shows
 * them: {@code GET} gives the value, or {@code null} when the key is absent; {@code SET} gives
 * {@code "OK"}; {@code DEL} gives {@code "1"} if it removed the key and {@code "0"} if there was
 * none; {@code EXISTS} gives {@code "1"} or {@code "0"}; {@code CAS key expected value} gives
 * {@code "1"} if the key held {@code expected} and now holds {@code value}, {@code "0"} otherwise
 * (an absent key holds nothing, so CAS on it fails).
 *
 * @param kind     which command
 * @param key      the key it works on
 * @param expected for CAS the value it expects, otherwise null
 * @param value    for SET and CAS the value it writes, otherwise null
 */
public record Command(Kind kind, String key, String expected, String value) {

    /** The commands the checker knows. DEL and EXISTS take one key here. */
    public enum Kind { GET, SET, DEL, EXISTS, CAS }

    public Command {
        throw new UnsupportedOperationException("Part 2: write Command");
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

    /**
     * The command {@code text} spells as {@link #toString} writes it ({@code SET x 1},
     * {@code CAS x 1 2}; words separated by single spaces, the command's name in capitals), or
     * null if it spells none: so a state machine can tell its clients' commands from anything
     * else in the log.
     */
    public static Command parse(String text) {
        throw new UnsupportedOperationException("Part 2: write Command.parse");
    }

    /** True for GET and EXISTS, which change nothing. */
    public boolean isRead() {
        throw new UnsupportedOperationException("Part 2: write Command.isRead");
    }

    /** Says what is wrong with {@code reply} as this command's reply, or returns null if nothing is. */
    String problemWithReply(String reply) {
        throw new UnsupportedOperationException("Part 2: write Command.problemWithReply");
    }

    /** Like {@code redis-cli} input: {@code SET x 1}, {@code CAS x 1 2}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 2: write Command.toString");
    }
}
