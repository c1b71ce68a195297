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
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if ((kind == Kind.SET || kind == Kind.CAS) != (value != null)) {
            throw new IllegalArgumentException(kind + " " + key + ": a value is needed for SET and CAS only");
        }
        if ((kind == Kind.CAS) != (expected != null)) {
            throw new IllegalArgumentException(kind + " " + key + ": an expected value is needed for CAS only");
        }
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
        int expectedWords = switch (kind) {
            case GET, DEL, EXISTS -> 2;
            case SET -> 3;
            case CAS -> 4;
        };
        if (words.length != expectedWords) {
            return null;
        }
        return switch (kind) {
            case GET -> get(words[1]);
            case DEL -> del(words[1]);
            case EXISTS -> exists(words[1]);
            case SET -> set(words[1], words[2]);
            case CAS -> cas(words[1], words[2], words[3]);
        };
    }

    /** True for GET and EXISTS, which change nothing. */
    public boolean isRead() {
        return kind == Kind.GET || kind == Kind.EXISTS;
    }

    /** Says what is wrong with {@code reply} as this command's reply, or returns null if nothing is. */
    String problemWithReply(String reply) {
        return switch (kind) {
            case GET -> null;
            case SET -> "OK".equals(reply) ? null : "SET replies OK";
            case DEL, EXISTS, CAS -> "0".equals(reply) || "1".equals(reply) ? null : kind + " replies 0 or 1";
        };
    }

    /** Like {@code redis-cli} input: {@code SET x 1}, {@code CAS x 1 2}. */
    @Override
    public String toString() {
        return switch (kind) {
            case GET, DEL, EXISTS -> kind + " " + key;
            case SET -> kind + " " + key + " " + value;
            case CAS -> kind + " " + key + " " + expected + " " + value;
        };
    }
}
