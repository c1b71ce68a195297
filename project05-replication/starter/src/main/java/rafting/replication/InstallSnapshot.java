package rafting.replication;

import java.util.Arrays;

/**
 * One chunk of the leader's snapshot (Figure 13), for a follower that needs entries the leader's
 * log compacted away: the snapshot holds every entry up to {@code lastIncludedIndex}, the last of
 * term {@code lastIncludedTerm}; {@code data} are its bytes from {@code offset} on, and
 * {@code done} marks the last chunk.
 */
public record InstallSnapshot(int from, int to, long term, long lastIncludedIndex, long lastIncludedTerm,
        long offset, byte[] data, boolean done) implements Message {

    public InstallSnapshot {
        Message.check(from, to, term);
        if (lastIncludedIndex < 1 || lastIncludedTerm < 1 || offset < 0) {
            throw new IllegalArgumentException("a snapshot holds index 1 or more of term 1 or more, from offset 0 or more: "
                    + lastIncludedIndex + "/" + lastIncludedTerm + " at " + offset);
        }
        if (lastIncludedTerm > term) {
            throw new IllegalArgumentException(
                    "a leader of term " + term + " has no snapshot of a later term: " + lastIncludedTerm);
        }
        data = data.clone();
    }

    /** A copy of this chunk's bytes: the message itself never changes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The number of bytes in this chunk. */
    public int size() {
        return data.length;
    }

    /** The offset just past this chunk. */
    public long end() {
        return offset + data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstallSnapshot that && from == that.from && to == that.to && term == that.term
                && lastIncludedIndex == that.lastIncludedIndex && lastIncludedTerm == that.lastIncludedTerm
                && offset == that.offset && done == that.done && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastIncludedIndex) * 31 + Long.hashCode(offset) * 7 + Arrays.hashCode(data);
    }

    /** {@code 1->3 InstallSnapshot t=4 last=120/3 bytes=0..512 done}. */
    @Override
    public String toString() {
        return from + "->" + to + " InstallSnapshot t=" + term + " last=" + lastIncludedIndex + "/" + lastIncludedTerm
                + " bytes=" + offset + ".." + end() + (done ? " done" : "");
    }
}
