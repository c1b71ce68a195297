package rafting.log;

/**
 * Part 1: one entry of the replicated log: the term of the leader that created it and the command
 * it carries. Commands are bytes, because the key-value system of Project 10 stores binary keys
 * and values; text commands are their UTF-8 bytes.
 *
 * <p>Two entries are equal when their terms are equal and their commands hold the same bytes (a
 * record compares arrays by identity, so write {@code equals} and {@code hashCode} yourself). An
 * entry never changes: it keeps its own copy of the bytes it is given, and hands out copies.
 * An entry with an empty command is a no-op, which a new leader appends (§8).
 */
public record LogEntry(long term, byte[] command) {

    /**
     * Checks and copies: a term below 1 is refused with an {@link IllegalArgumentException} whose
     * message contains {@code term is at least 1} (for example
     * {@code an entry's term is at least 1, got 0}); a null command is refused with an
     * {@link IllegalArgumentException} too. Keeps a copy of {@code command}.
     */
    public LogEntry {
        throw new UnsupportedOperationException("Part 1: check the term and the command, copy the command");
    }

    /** An entry whose command is the UTF-8 bytes of {@code command}. */
    public static LogEntry of(long term, String command) {
        throw new UnsupportedOperationException("Part 1: an entry of a text command");
    }

    /** An entry carrying a copy of {@code command}. */
    public static LogEntry of(long term, byte[] command) {
        throw new UnsupportedOperationException("Part 1: an entry of a binary command");
    }

    /** The entry with an empty command that a new leader appends at once so that earlier entries can commit (§8). */
    public static LogEntry noop(long term) {
        throw new UnsupportedOperationException("Part 1: a no-op entry");
    }

    /** A copy of the command's bytes: changing it never changes the entry. */
    @Override
    public byte[] command() {
        throw new UnsupportedOperationException("Part 1: a copy of the command");
    }

    /** The command decoded as UTF-8 text. */
    public String text() {
        throw new UnsupportedOperationException("Part 1: the command as text");
    }

    /** True when the command is empty. */
    public boolean isNoop() {
        throw new UnsupportedOperationException("Part 1: is the command empty");
    }

    /** The number of bytes in the command. */
    public int size() {
        throw new UnsupportedOperationException("Part 1: the command's length");
    }

    /** Equal terms and the same bytes. */
    @Override
    public boolean equals(Object other) {
        throw new UnsupportedOperationException("Part 1: equal terms and equal bytes");
    }

    /** Consistent with {@link #equals}: equal entries have equal hash codes. */
    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("Part 1: a hash of the term and the bytes");
    }

    /** Exactly {@code 1:set x 1} (term, colon, the command as text), or {@code 3:no-op} for a no-op. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: term:command, or term:no-op");
    }
}
