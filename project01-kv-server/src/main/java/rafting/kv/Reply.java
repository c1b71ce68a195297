package rafting.kv;

import java.util.List;

/**
 * A RESP2 value as a server sends it back: a simple string, an error, an integer, a bulk
 * string, nil, or an array of replies. {@link RespWriter} puts them on the wire and
 * {@link RespReader#readReply()} reads them back; {@code toString} shows them the way
 * {@code redis-cli} does.
 */
public sealed interface Reply {

    /** {@code +OK}. */
    Simple OK = new Simple("OK");
    /** {@code $-1}, the reply for a missing key. */
    Nil NIL = new Nil();

    static Simple simple(String text) {
        return new Simple(text);
    }

    static Error error(String message) {
        return new Error(message);
    }

    static Int integer(long value) {
        return new Int(value);
    }

    static Bulk bulk(Bytes value) {
        return new Bulk(value);
    }

    static Bulk bulk(String value) {
        return new Bulk(Bytes.of(value));
    }

    static Array array(List<? extends Reply> items) {
        return new Array(List.copyOf(items));
    }

    /** {@code +text}: a short status line such as {@code OK} or {@code PONG}. */
    record Simple(String text) implements Reply {
        public Simple {
            requireOneLine(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code -message}: by convention the message starts with a code such as {@code ERR}. */
    record Error(String message) implements Reply {
        public Error {
            requireOneLine(message);
        }

        @Override
        public String toString() {
            return "(error) " + message;
        }
    }

    /** {@code :value}. */
    record Int(long value) implements Reply {
        @Override
        public String toString() {
            return "(integer) " + value;
        }
    }

    /** {@code $length} and that many bytes: binary safe. */
    record Bulk(Bytes value) implements Reply {
        public Bulk {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** {@code $-1}: no value. */
    record Nil() implements Reply {
        @Override
        public String toString() {
            return "(nil)";
        }
    }

    /** {@code *count} followed by that many replies. */
    record Array(List<Reply> items) implements Reply {
        public Array {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }

    /** Simple strings and errors end at the first CR or LF, so they must not contain one. */
    private static void requireOneLine(String text) {
        if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a RESP simple string or error cannot contain CR or LF: "
                    + Bytes.of(text));
        }
    }
}
