package rafting.system;

import java.io.IOException;
import java.nio.file.Path;
import rafting.election.Snapshot;

/**
 * Part 10 (Project 11): the node's latest snapshot, one file in its data folder:
 *
 * <pre>
 *   int magic 'RSN1', long index, long term, int size, size bytes, int crc   (CRC32C of all before it)
 * </pre>
 *
 * Replaced, never changed in place: written whole to {@code snapshot.tmp}, forced, renamed over
 * {@code snapshot} (atomically), and the folder forced. A {@code snapshot.tmp} found on load is a
 * write a crash interrupted: deleted with a warning. A {@code snapshot} that fails its checks is a
 * {@link CorruptLogException} (through {@code CorruptLogException.inDataFolder}) whose message
 * contains {@code is damaged:} and the reason, such as {@code its checksum does not match its bytes}.
 */
final class SnapshotFile {

    /** Part 10: the snapshot file of the data folder {@code dir}. */
    SnapshotFile(Path dir) {
        throw new UnsupportedOperationException("Part 10: the snapshot file of a folder");
    }

    /** Part 10: the snapshot stored, or {@link Snapshot#NONE}; a torn temporary file is deleted. */
    Snapshot load() throws IOException {
        throw new UnsupportedOperationException("Part 10: load the snapshot");
    }

    /** Part 10: replaces the stored snapshot with {@code snapshot}, durably. */
    void save(Snapshot snapshot) throws IOException {
        throw new UnsupportedOperationException("Part 10: save the snapshot");
    }
}
