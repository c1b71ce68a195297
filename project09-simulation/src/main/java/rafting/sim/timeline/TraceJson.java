package rafting.sim.timeline;

import java.util.HashMap;
import java.util.Map;

/**
 * The trace's JSON lines, written and read by hand: each line one flat object whose values are
 * whole numbers or strings. Fields that are 0 or null are left out. Keys: {@code t seq node kind
 * term index peer id text note}.
 */
public final class TraceJson {

    /** A line longer than this is refused, so that a broken file cannot fill the memory. */
    static final int MAX_LINE = 1 << 20;

    private TraceJson() {
    }

    /** One event as one line (no newline). */
    public static String write(TraceEvent event) {
        var json = new StringBuilder(96).append("{\"t\":").append(event.time()).append(",\"seq\":").append(event.seq())
                .append(",\"node\":").append(event.node()).append(",\"kind\":\"").append(event.kind().label()).append('"');
        number(json, "term", event.term());
        number(json, "index", event.index());
        number(json, "peer", event.peer());
        number(json, "id", event.id());
        text(json, "text", event.text());
        text(json, "note", event.note());
        return json.append('}').toString();
    }

    /** The event a line says; a line that is not one event gets an error naming what is wrong. */
    public static TraceEvent read(String line) {
        if (line.length() > MAX_LINE) {
            throw new IllegalArgumentException("a trace line of " + line.length() + " characters, more than " + MAX_LINE);
        }
        Map<String, Object> fields = new Parser(line).object();
        Object kind = fields.get("kind");
        if (!(kind instanceof String label)) {
            throw new IllegalArgumentException("no \"kind\" in " + line);
        }
        return new TraceEvent(whole(fields, "t"), whole(fields, "seq"), (int) whole(fields, "node"), TraceEvent.Kind.of(label),
                whole(fields, "term"), whole(fields, "index"), (int) whole(fields, "peer"), whole(fields, "id"),
                string(fields, "text"), string(fields, "note"));
    }

    private static void number(StringBuilder json, String key, long value) {
        if (value != 0) {
            json.append(",\"").append(key).append("\":").append(value);
        }
    }

    private static void text(StringBuilder json, String key, String value) {
        if (value != null) {
            json.append(",\"").append(key).append("\":");
            quote(json, value);
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped; {@code <} too, so a trace can sit inside an HTML script. */
    static void quote(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static long whole(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Long number)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number, not \"" + value + "\"");
        }
        return number;
    }

    private static String string(Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string, not " + value);
        }
        return (String) value;
    }

    /** Reads one flat object: string keys, values strings or whole numbers. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            var fields = new HashMap<String, Object>();
            space();
            expect('{');
            space();
            if (peek() == '}') {
                at++;
            } else {
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    space();
                    Object value = peek() == '"' ? string() : number();
                    if (fields.put(key, value) != null) {
                        throw error("\"" + key + "\" twice");
                    }
                    space();
                } while (next() == ',');
                at--;
                expect('}');
            }
            space();
            if (at != text.length()) {
                throw error("text after the object");
            }
            return fields;
        }

        private String string() {
            expect('"');
            var value = new StringBuilder();
            for (char c = next(); c != '"'; c = next()) {
                if (c == '\\') {
                    char escaped = next();
                    switch (escaped) {
                        case '"', '\\', '/' -> value.append(escaped);
                        case 'n' -> value.append('\n');
                        case 'r' -> value.append('\r');
                        case 't' -> value.append('\t');
                        case 'b' -> value.append('\b');
                        case 'f' -> value.append('\f');
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw error("a cut \\u escape");
                            }
                            try {
                                value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            } catch (NumberFormatException e) {
                                throw error("a bad \\u escape");
                            }
                            at += 4;
                        }
                        default -> throw error("an unknown escape \\" + escaped);
                    }
                } else if (c < 0x20) {
                    throw error("a control character in a string");
                } else {
                    value.append(c);
                }
            }
            return value.toString();
        }

        private long number() {
            int start = at;
            if (peek() == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("a value that is neither a string nor a whole number");
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("the line ends too soon");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                at--;
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad trace line at character " + (at + 1) + ": " + what + ": " + text);
        }
    }
}
