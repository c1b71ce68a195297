package rafting.consensus;

import rafting.log.LogEntry;

/**
 * Part 3: a committed entry, applied: its index, the entry, and what the state machine answered
 * (empty for a no-op). It keeps its own copy of {@code result} and hands out copies; two are equal
 * when index, entry and the result's bytes are.
 */
public record Applied(long index, LogEntry entry, byte[] result) {

    /** Copies {@code result}. */
    public Applied {
        throw new UnsupportedOperationException("Part 3: copy the result");
    }

    /** A copy of the result. */
    @Override
    public byte[] result() {
        throw new UnsupportedOperationException("Part 3: a copy of the result");
    }

    /** The result as UTF-8 text. */
    public String resultText() {
        throw new UnsupportedOperationException("Part 3: the result as text");
    }

    /** Equal index, equal entry, equal bytes of the result. */
    @Override
    public boolean equals(Object other) {
        throw new UnsupportedOperationException("Part 3: equal index, entry and result");
    }

    @Override
    public int hashCode() {
        throw new UnsupportedOperationException("Part 3: consistent with equals");
    }

    /** Exactly {@code 3 1:set x 1 -> ok} (index, entry, arrow, result as text), or {@code 1 1:no-op} for a no-op. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 3: index entry -> result");
    }
}
