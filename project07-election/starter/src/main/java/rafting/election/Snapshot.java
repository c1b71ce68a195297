package rafting.election;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A snapshot of the state machine (§7): its whole state as bytes, after every entry up to
 * {@code index}, the last of them of term {@code term}. The log keeps only what follows it.
 * {@link #NONE} is the snapshot of nothing, at index 0.
 */
public record Snapshot(long index, long term, byte[] data) {

    public static final Snapshot NONE = new Snapshot(0, 0, new byte[0]);

    public Snapshot {
        if (index < 0 || term < 0 || (index == 0) != (term == 0)) {
            throw new IllegalArgumentException(
                    "a snapshot ends at index 0 with term 0, or at a positive index of a positive term; got " + index + "/" + term);
        }
        data = data.clone();
    }

    /** A copy of the bytes: the snapshot itself never changes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The number of bytes. */
    public int size() {
        return data.length;
    }

    /** Writes the bytes to {@code out}, without a copy of them: a snapshot may be large. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(data);
    }

    /** Up to {@code max} bytes from {@code offset} on (none at the end). */
    public byte[] chunk(long offset, int max) {
        if (offset < 0 || offset > data.length || max < 1) {
            throw new IndexOutOfBoundsException("no chunk of " + max + " bytes at " + offset + " in " + this);
        }
        return Arrays.copyOfRange(data, (int) offset, (int) Math.min(data.length, offset + max));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Snapshot that && index == that.index && term == that.term && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(index) + Arrays.hashCode(data);
    }

    /** {@code snapshot 120/3 (512 bytes)}. */
    @Override
    public String toString() {
        return "snapshot " + index + "/" + term + " (" + data.length + " bytes)";
    }
}
