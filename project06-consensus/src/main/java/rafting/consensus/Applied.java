package rafting.consensus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import rafting.log.LogEntry;

/** A committed entry, applied: its index, the entry, and what the state machine answered (empty for a no-op). */
public record Applied(long index, LogEntry entry, byte[] result) {

    public Applied {
        result = result.clone();
    }

    @Override
    public byte[] result() {
        return result.clone();
    }

    /** The result as UTF-8 text. */
    public String resultText() {
        return new String(result, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Applied that && index == that.index && entry.equals(that.entry)
                && Arrays.equals(result, that.result);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + entry.hashCode();
    }

    /** {@code 3 1:set x 1 -> ok}. */
    @Override
    public String toString() {
        return index + " " + entry + (entry.isNoop() ? "" : " -> " + resultText());
    }
}
