package rafting.sim.timeline;

/**
 * The trace's JSON lines, written and read by hand (no JSON library): each line one flat object
 * whose values are whole numbers or strings. Keys, in this order: {@code t seq node kind term index
 * peer id text note}; {@code t}, {@code seq}, {@code node} and {@code kind} always, the others only
 * when they are not 0 or null. {@code kind} is {@link TraceEvent.Kind#label()}.
 */
public final class TraceJson {

    /** A line longer than this (in characters) is refused, so that a broken file cannot fill the memory. */
    static final int MAX_LINE = 1 << 20;

    private TraceJson() {
    }

    /**
     * One event as one line, no newline:
     * {@code {"t":1,"seq":7,"node":2,"kind":"send","peer":3,"id":2,"text":"2->3 RequestVote t=1 last=0/0"}}
     * ({@code t}, {@code seq}, {@code node}, {@code kind} always, then {@code term index peer id text note}
     * each only when not 0 or null). In strings, {@code "} and a backslash are escaped with a backslash;
     * newline, carriage return and tab as {@code \n \r \t}; other control characters, {@code <},
     * U+2028 and U+2029 as a backslash-u escape of four lower-case hex digits (so that a trace can sit
     * inside an HTML script and a command cannot end it).
     */
    public static String write(TraceEvent event) {
        throw new UnsupportedOperationException("Part 9: write TraceJson.write");
    }

    /**
     * The event a line says, whatever the order of its keys; every escape {@link #write} makes is
     * read back, and a missing number is 0, a missing string null. A line that is not one event is
     * an {@code IllegalArgumentException} whose message says what is wrong:
     * <ul>
     * <li>longer than {@link #MAX_LINE}: {@code a trace line of N characters, more than 1048576};
     * <li>a syntax error: {@code bad trace line at character N: <what>: <the line>}, where what is
     *     {@code the line ends too soon}, {@code expected '<c>'}, {@code "<key>" twice},
     *     {@code text after the object}, {@code a value that is neither a string nor a whole number},
     *     {@code a bad } backslash-u {@code escape};
     * <li>{@code no "kind" in <line>}; {@code unknown kind '<label>'};
     *     {@code "<key>" must be a whole number, not "<value>"}; {@code "<key>" must be a string, not <value>};
     * <li>a negative node: the message of {@link TraceEvent}'s constructor ({@code node -2 is negative}).
     * </ul>
     */
    public static TraceEvent read(String line) {
        throw new UnsupportedOperationException("Part 9: write TraceJson.read");
    }
}
