package rafting.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One entry of the replicated log: the term of the leader that created it and the command it
 * carries. Commands are bytes, because the key-value system stores binary keys and values; text
 * commands are UTF-8.
 *
 * <p>Two entries are equal when their terms are equal and their commands hold the same bytes.
 * An entry with an empty command is a no-op, which a new leader appends to commit earlier entries.
 */
public record LogEntry(long term, byte[] command) {

    public LogEntry {
        if (term < 1) {
            throw new IllegalArgumentException("an entry's term is at least 1, got " + term);
        }
        if (command == null) {
            throw new IllegalArgumentException("an entry needs a command (empty for a no-op), got null");
        }
        command = command.clone();
    }

    /** An entry whose command is the UTF-8 text {@code command}. */
    public static LogEntry of(long term, String command) {
        return new LogEntry(term, command.getBytes(StandardCharsets.UTF_8));
    }

    /** An entry carrying a copy of {@code command}. */
    public static LogEntry of(long term, byte[] command) {
        return new LogEntry(term, command);
    }

    /** The entry a new leader appends at once so that entries of earlier terms can commit (§8). */
    public static LogEntry noop(long term) {
        return new LogEntry(term, new byte[0]);
    }

    /** A copy of the command's bytes: the entry itself never changes. */
    @Override
    public byte[] command() {
        return command.clone();
    }

    /** The command decoded as UTF-8 text. */
    public String text() {
        return new String(command, StandardCharsets.UTF_8);
    }

    public boolean isNoop() {
        return command.length == 0;
    }

    /** The number of bytes in the command. */
    public int size() {
        return command.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogEntry that && term == that.term && Arrays.equals(command, that.command);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(term) + Arrays.hashCode(command);
    }

    /** {@code 1:set x 1}, or {@code 3:no-op}. */
    @Override
    public String toString() {
        return term + ":" + (isNoop() ? "no-op" : text());
    }
}
