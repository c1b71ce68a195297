package rafting.election;

import static java.lang.System.Logger.Level.WARNING;

import java.io.ByteArrayOutputStream;
import rafting.replication.InstallSnapshot;

/**
 * A follower's side of InstallSnapshot (Figure 13, receiver 2 to 5): the chunks of one leader's
 * snapshot, gathered in order. A chunk at byte 0 of another snapshot starts over; a chunk that
 * does not follow what is gathered (late, repeated, or after a lost one) is left out, and the
 * answer names the byte expected next, so the leader resends from there.
 */
final class SnapshotReceiver {

    /** The largest snapshot gathered: a chunk that would pass it is refused (a byte array holds no more). */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private static final System.Logger LOG = System.getLogger(SnapshotReceiver.class.getName());

    private long index;
    private long term;
    private ByteArrayOutputStream bytes;

    SnapshotReceiver() {
    }

    /** A copy that goes on apart from {@code other}. */
    SnapshotReceiver(SnapshotReceiver other) {
        this.index = other.index;
        this.term = other.term;
        if (other.bytes != null) {
            this.bytes = new ByteArrayOutputStream(other.bytes.size());
            this.bytes.writeBytes(other.bytes.toByteArray());
        }
    }

    /**
     * Takes {@code chunk} (see the class comment): returns the whole snapshot once its last chunk
     * is in, otherwise null, and {@link #nextOffset()} then names the byte expected next.
     */
    Snapshot take(InstallSnapshot chunk) {
        boolean same = bytes != null && index == chunk.lastIncludedIndex() && term == chunk.lastIncludedTerm();
        if (!same && chunk.offset() == 0) {
            // Figure 13, 2: create a new snapshot if first chunk (offset is 0)
            index = chunk.lastIncludedIndex();
            term = chunk.lastIncludedTerm();
            bytes = new ByteArrayOutputStream();
        } else if (!same) {
            return null; // a chunk of a snapshot we have not begun: from the start
        }
        if (chunk.offset() != bytes.size()) {
            return null; // out of order or repeated: ask for what follows what we hold
        }
        if (bytes.size() + (long) chunk.size() > MAX_BYTES) {
            LOG.log(WARNING, () -> "refuses " + chunk + ": a snapshot of more than " + MAX_BYTES + " bytes");
            clear();
            return null;
        }
        bytes.writeBytes(chunk.data()); // Figure 13, 3 and 4: write data at the given offset
        if (!chunk.done()) {
            return null;
        }
        var whole = new Snapshot(index, term, bytes.toByteArray());
        clear();
        return whole;
    }

    /** The byte of the snapshot being gathered that is expected next: 0 when none is. */
    long nextOffset() {
        return bytes == null ? 0 : bytes.size();
    }

    /** Forgets whatever was gathered. */
    void clear() {
        bytes = null;
        index = 0;
        term = 0;
    }
}
