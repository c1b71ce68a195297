package rafting.kv;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** Redis's error lines that several commands share, and its strict reading of integers. */
final class Errors {

    /** Options that do not go together, or a word where none belongs. */
    static final String SYNTAX = "ERR syntax error";
    /** An argument or a stored value that is not a 64-bit integer in decimal. */
    static final String NOT_AN_INTEGER = "ERR value is not an integer or out of range";

    private Errors() {
    }

    /** {@code ERR invalid expire time in 'set' command}. */
    static String invalidExpire(String command) {
        return "ERR invalid expire time in '" + command + "' command";
    }

    /** The integer {@code word} spells, or the error Redis gives for one that is not. */
    static long integer(Bytes word) throws InvalidCommandException {
        OptionalLong n = parse(word);
        if (n.isEmpty()) {
            throw new InvalidCommandException(NOT_AN_INTEGER);
        }
        return n.getAsLong();
    }

    /**
     * A 64-bit integer as Redis reads one: an optional minus and digits, no leading zero (but
     * {@code 0} itself), no plus sign, no blank, nothing after; otherwise empty.
     */
    static OptionalLong parse(Bytes word) {
        if (word.length() == 0 || word.length() > 20) {
            return OptionalLong.empty();
        }
        String text = new String(word.toByteArray(), StandardCharsets.ISO_8859_1);
        if (!text.matches("0|-?[1-9][0-9]*")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException outOfRange) {
            return OptionalLong.empty();
        }
    }
}
