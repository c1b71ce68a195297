package rafting.system;

import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.io.BufferedOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;
import rafting.election.Snapshot;

/**
 * The node's latest snapshot (§7), one file in its data folder:
 *
 * <pre>
 *   int magic 'RSN1', long index, long term, int size, size bytes, int crc   (CRC32C of all before it)
 * </pre>
 *
 * Replaced, never changed in place: written whole to {@code snapshot.tmp}, forced, renamed over
 * {@code snapshot} (atomically), and the folder forced, so a crash leaves the old snapshot or the
 * new one. A {@code snapshot.tmp} found on open is a write a crash interrupted: never renamed, so
 * never relied on; it is deleted with a warning. A {@code snapshot} that fails its checks was
 * durable and is damaged: opening fails with a {@link CorruptLogException}.
 */
final class SnapshotFile {

    private static final int MAGIC = 0x52534E31; // "RSN1"
    private static final int HEADER = 4 + 8 + 8 + 4;
    private static final System.Logger LOG = System.getLogger(SnapshotFile.class.getName());

    private final Path dir;
    private final Path file;
    private final Path temp;

    SnapshotFile(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("snapshot");
        this.temp = dir.resolve("snapshot.tmp");
    }

    /** The snapshot stored, or {@link Snapshot#NONE}; a torn temporary file is deleted. */
    Snapshot load() throws IOException {
        if (Files.exists(temp)) {
            long size = Files.size(temp);
            LOG.log(WARNING, () -> temp + ": deleted a snapshot of " + size + " bytes whose write a crash cut short"
                    + " (it was never renamed into place, so nothing relied on it)");
            Files.delete(temp);
        }
        if (!Files.exists(file)) {
            return Snapshot.NONE;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < HEADER + 4) {
            throw damaged(bytes.length + " bytes, fewer than a snapshot's header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int magic = in.getInt();
        long index = in.getLong();
        long term = in.getLong();
        int size = in.getInt();
        if (magic != MAGIC) {
            throw damaged("it does not start with RSN1");
        }
        if (size < 0 || size != bytes.length - HEADER - 4) {
            throw damaged("it says " + size + " bytes of data but holds " + (bytes.length - HEADER - 4));
        }
        int crc = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (crc != crc(bytes, bytes.length - 4)) {
            throw damaged("its checksum does not match its bytes");
        }
        byte[] data = new byte[size];
        in.get(data);
        try {
            return new Snapshot(index, term, data);
        } catch (IllegalArgumentException e) {
            throw damaged(e.getMessage());
        }
    }

    /** Replaces the stored snapshot with {@code snapshot}, durably: streamed to the temporary file, never copied whole in memory. */
    void save(Snapshot snapshot) throws IOException {
        var crc = new CRC32C();
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var out = new CheckedOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), crc);
            out.write(ByteBuffer.allocate(HEADER).putInt(MAGIC).putLong(snapshot.index()).putLong(snapshot.term())
                    .putInt(snapshot.size()).array());
            snapshot.writeTo(out);
            out.flush(); // the checksum now counts every byte before it
            channel.write(ByteBuffer.allocate(4).putInt(0, (int) crc.getValue()));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SegmentLogStorage.syncDirectory(dir);
    }

    private CorruptLogException damaged(String why) {
        return CorruptLogException.inDataFolder("the snapshot " + file + " is damaged: " + why, dir);
    }

    /** The CRC32C of the first {@code length} bytes. */
    private static int crc(byte[] bytes, int length) {
        var checksum = new CRC32C();
        checksum.update(bytes, 0, length);
        return (int) checksum.getValue();
    }
}
