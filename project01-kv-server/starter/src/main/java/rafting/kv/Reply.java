package rafting.kv;

import java.util.List;

/**
 * Part 5: a RESP2 value as a server sends it back: a simple string, an error, an integer, a bulk
 * string, nil, or an array of replies. {@link RespWriter} puts them on the wire and
 * {@link RespReader#readReply()} reads them back; {@code toString} shows them the way
 * {@code redis-cli} does.
 *
 * <p>Given: the records' headers, their compact constructors (which refuse a simple string or
 * error holding CR or LF, and null values) and the constants {@link #OK} and {@link #NIL}. To
 * write: the factories and the {@code toString}s.
 */
public sealed interface Reply {

    /** {@code +OK} (given). */
    Simple OK = new Simple("OK");
    /** {@code $-1}, the reply for a missing key (given). */
    Nil NIL = new Nil();

    /** {@code +text}. */
    static Simple simple(String text) {
        throw new UnsupportedOperationException("Part 5: a simple string");
    }

    /** {@code -message}. */
    static Error error(String message) {
        throw new UnsupportedOperationException("Part 5: an error");
    }

    /** {@code :value}. */
    static Int integer(long value) {
        throw new UnsupportedOperationException("Part 5: an integer");
    }

    /** {@code $n} and the bytes of {@code value}. */
    static Bulk bulk(Bytes value) {
        throw new UnsupportedOperationException("Part 5: a bulk string");
    }

    /** A bulk string of the UTF-8 bytes of {@code value}. */
    static Bulk bulk(String value) {
        throw new UnsupportedOperationException("Part 5: a bulk string of UTF-8 text");
    }

    /** {@code *n} and the replies of {@code items} (copied). */
    static Array array(List<? extends Reply> items) {
        throw new UnsupportedOperationException("Part 5: an array");
    }

    /** {@code +text}: a short status line such as {@code OK} or {@code PONG}. */
    record Simple(String text) implements Reply {
        /**
         * Given: refuses CR or LF with an {@link IllegalArgumentException} whose message is
         * {@code a RESP simple string or error cannot contain CR or LF: "OK\r\n+FAKE"} (the
         * text as {@link Bytes#toString} shows it).
         */
        public Simple {
            requireOneLine(text);
        }

        /** The text itself: {@code OK}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 5: the text");
        }
    }

    /** {@code -message}: by convention the message starts with a code such as {@code ERR}. */
    record Error(String message) implements Reply {
        /** Given: refuses CR or LF, as {@link Simple} does. */
        public Error {
            requireOneLine(message);
        }

        /** {@code (error) ERR x}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 5: (error) and the message");
        }
    }

    /** {@code :value}. */
    record Int(long value) implements Reply {
        /** {@code (integer) 3}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 5: (integer) and the value");
        }
    }

    /** {@code $length} and that many bytes: binary safe. */
    record Bulk(Bytes value) implements Reply {
        /** Given: the value must not be null. */
        public Bulk {
            java.util.Objects.requireNonNull(value, "value");
        }

        /** The value as {@link Bytes#toString} shows it: {@code "hi"}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 5: the quoted value");
        }
    }

    /** {@code $-1}: no value. */
    record Nil() implements Reply {
        /** {@code (nil)}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 5: (nil)");
        }
    }

    /** {@code *count} followed by that many replies. */
    record Array(List<Reply> items) implements Reply {
        /** Given: keeps an unmodifiable copy. */
        public Array {
            items = List.copyOf(items);
        }

        /** The items as a list shows them: {@code ["a", (nil)]}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 5: the items as a list");
        }
    }

    /** Given: simple strings and errors end at the first CR or LF, so they must not contain one. */
    private static void requireOneLine(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a RESP simple string or error cannot contain CR or LF: "
                    + Bytes.of(text));
        }
    }
}
