package rafting.system;

import static java.lang.System.Logger.Level.WARNING;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * How far the log is known to have been synced: one small record in the log folder ({@code synced}:
 * a magic number, the index, a CRC32C; 16 bytes, within one disk sector), rewritten in place after
 * each sync.
 * On start, a log that ends before the mark has lost entries that were synced and perhaps
 * acknowledged, and a damaged record at or below it is corruption, never a torn write.
 *
 * <p>Raising the mark costs no fsync: it is written only after the log's own fsync returned, so
 * whatever reaches the disk, the mark there is never ahead of the durable log (after a kill it is
 * exact; after a power cut it may lag). Lowering it, before a follower deletes synced entries
 * that conflict with its leader, is forced before the log is cut.
 */
final class SyncMark implements Closeable {

    private static final int MAGIC = 0x52534D31; // "RSM1"
    private static final int BYTES = 4 + 8 + 4;
    static final String FILE_NAME = "synced";
    private static final System.Logger LOG = System.getLogger(SyncMark.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final boolean found;
    private long index;

    private SyncMark(Path file, FileChannel channel, boolean found, long index) {
        this.file = file;
        this.channel = channel;
        this.found = found;
        this.index = index;
    }

    /** The mark of the log in {@code logDir}; 0 (nothing known) if there is none yet. */
    static SyncMark open(Path logDir) throws IOException {
        Path file = logDir.resolve(FILE_NAME);
        boolean found = Files.exists(file) && Files.size(file) > 0; // empty: created, never written
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long index = 0;
        if (found) {
            ByteBuffer record = ByteBuffer.allocate(BYTES);
            while (record.hasRemaining() && channel.read(record, record.position()) > 0) {
                // read it whole
            }
            if (record.hasRemaining() || record.getInt(0) != MAGIC || record.getInt(12) != crc(record.array())) {
                channel.close();
                throw CorruptLogException.inDataFolder(file + " is damaged: it should say how far the log in "
                        + logDir + " was synced", logDir.getParent());
            }
            index = record.getLong(4);
        }
        return new SyncMark(file, channel, found, index);
    }

    /** False when the file did not exist before {@link #open}: a new log, or one from before marks. */
    boolean found() {
        return found;
    }

    /** Entries up to here were synced. */
    long index() {
        return index;
    }

    /** The log was just synced up to {@code synced}: written in place, not forced. */
    void advance(long synced) throws IOException {
        if (synced != index) {
            write(synced);
        }
    }

    /** Synced entries from {@code index + 1} on are about to be deleted: written and forced first. */
    void lower(long to) throws IOException {
        if (to < index) {
            write(to);
            channel.force(false);
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Says, once, that an existing log had no mark (made before marks existed): nothing can be checked. */
    void warnIfMissing(long lastIndex) {
        if (!found && lastIndex > 0) {
            LOG.log(WARNING, () -> file + " was missing beside a log of " + lastIndex
                    + " entries; from now on, how far it was synced is recorded there");
        }
    }

    private void write(long synced) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(BYTES).putInt(MAGIC).putLong(synced).putInt(0);
        record.putInt(12, crc(record.array()));
        record.flip();
        while (record.hasRemaining()) {
            channel.write(record, record.position());
        }
        index = synced;
    }

    private static int crc(byte[] record) {
        CRC32C checksum = new CRC32C();
        checksum.update(record, 0, 12);
        return (int) checksum.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
