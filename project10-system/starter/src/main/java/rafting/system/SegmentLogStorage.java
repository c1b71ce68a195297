package rafting.system;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rafting.log.LogEntry;
import rafting.log.LogStorage;

/**
 * Part 1: the Raft log on disk, Project 4's {@link LogStorage} port over a folder of segment files.
 * The folder holds nothing but the segments (the tests count its files). Each segment is named
 * after the index of its first entry, zero-padded to 20 digits so that names sort in index order
 * ({@code 00000000000000000001.log}), and is a sequence of records, big-endian:
 *
 * <pre>
 *   int length   bytes of the payload (8 + command bytes)
 *   int crc      CRC32C (java.util.zip.CRC32C) of the length field and the payload
 *   long term    the payload: the entry's term (at least 1) ...
 *   byte[]       ... and its command
 * </pre>
 *
 * The tests rely on this layout: a record is {@link #HEADER_BYTES} + 8 + the command's length.
 * A new segment starts when the next record would take the active one past the segment size
 * ({@link #open(Path, long)}); an empty segment always takes its first record.
 *
 * <p>Appends may stay in a buffer in memory; {@link #sync()} writes them and calls
 * {@code FileChannel.force}, once for everything appended since the last sync (group commit).
 * Rolling over to a new segment writes the old one out but does not force it: the next sync forces
 * both, so one batch costs one fsync. Keep every entry in memory too, so reads never touch the
 * disk. Log indexes start at 1 and this storage never starts above 1: {@code firstIndex()} is 1,
 * {@code baseTerm()} is 0.
 *
 * <p>A {@link SyncMark} (given whole) in the folder records how far the log was synced: after each
 * sync, {@code advance(lastIndex())}; before a truncation, {@code lower(index - 1)}.
 *
 * <p>Recovery on open (§5.3 requires a node's log to survive it): read every segment in name order.
 * <ul>
 *   <li>A bad record (it ends early, fails its checksum or has a term below 1) past the mark, at
 *       the end of the <em>last</em> segment, with no valid record starting anywhere after it, is a
 *       torn write of the last batch before a crash if it looks unfinished: the file ends inside
 *       it, or everything from its last byte on is zero. It was never synced, so never
 *       acknowledged. Cut it off, from the file too, with a warning (one line through
 *       {@code System.Logger}), and append after it as usual. Zeros after the last good record are
 *       cut off the same way.
 *   <li>Every other bad record is damage to data that was durable: throw
 *       {@link CorruptLogException} with a message containing {@code index N} (N the index of the
 *       bad record) and {@code refusing to start}, saying what it found: {@code synced} for a
 *       record at or below the mark, {@code a complete record with a bad checksum}, or good records
 *       after a bad one. For example {@code ...log: a complete record with a bad checksum at byte 50
 *       (index 3); refusing to start rather than lose or serve damaged entries...}
 *       ({@code CorruptLogException.inDataFolder} adds what the operator can do).
 *   <li>A segment whose first index is not one past the end of the log before it means a segment
 *       is missing: throw {@link CorruptLogException} whose message contains
 *       {@code a segment is missing}.
 *   <li>A log that ends before the mark lost synced entries (a file cut short, a segment deleted):
 *       throw {@link CorruptLogException} whose message contains
 *       {@code ends at index L, but entries up to M were synced} ({@code has no segment file, but
 *       entries up to M were synced} when no segment is left) and {@code N entries are missing}.
 * </ul>
 *
 * <p>{@link #truncateFrom(long)} may cut across segments: delete whole segments after the cut and
 * make that durable (sync the folder) at once, so that a crash never leaves a later segment behind
 * an earlier one that lost its end; then cut the segment the index falls in. A truncation of
 * entries not yet written simply drops them from the buffer: they never reach the disk.
 *
 * <p>I/O errors inside the {@link LogStorage} methods and {@link #sync()} are thrown as
 * {@link java.io.UncheckedIOException}: the node stops rather than promise what it did not write.
 */
public final class SegmentLogStorage implements LogStorage, Closeable {

    /** Segments roll over at 16 MiB: after a snapshot, a restart reads at most about one segment before the snapshot's index. */
    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;

    /** The bytes of a record before its payload: the length and the checksum, two ints. */
    static final int HEADER_BYTES = 8;

    private SegmentLogStorage() {
    }

    /** Part 1: opens (or creates, with its folders) the log in {@code dir}, recovering it as described above. */
    public static SegmentLogStorage open(Path dir) throws IOException {
        throw new UnsupportedOperationException("Part 1: open the log with 16 MiB segments");
    }

    /** Part 1: opens the log with segments of at most about {@code segmentBytes} (tests use 60 and 300). */
    public static SegmentLogStorage open(Path dir, long segmentBytes) throws IOException {
        throw new UnsupportedOperationException("Part 1: open the segment files and recover them");
    }

    /**
     * Part 10 (Project 11): opens the log behind a snapshot of the entries up to
     * {@code snapshotIndex}, the last of term {@code snapshotTerm} (0 and 0: none, as the method
     * above). The first segment may start anywhere up to {@code snapshotIndex + 1} (a later start
     * is a {@link CorruptLogException}: entries are missing); once read, the log is compacted to
     * the snapshot, or, when it does not reach it or holds another term at its index, starts over
     * after it with a warning.
     */
    public static SegmentLogStorage open(Path dir, long segmentBytes, long snapshotIndex, long snapshotTerm)
            throws IOException {
        throw new UnsupportedOperationException("Part 10: open the segments behind a snapshot");
    }

    /** Part 1: always 1: this storage holds the whole log. */
    @Override
    public long firstIndex() {
        throw new UnsupportedOperationException("Part 1: the first index");
    }

    /** Part 1: the index of the last entry appended (synced or not), 0 when empty. */
    @Override
    public long lastIndex() {
        throw new UnsupportedOperationException("Part 1: the last index");
    }

    /** Part 1: always 0: nothing was compacted. */
    @Override
    public long baseTerm() {
        throw new UnsupportedOperationException("Part 1: the base term");
    }

    /** Part 1: the entry at {@code index}, from memory; outside 1..lastIndex() an {@link IndexOutOfBoundsException}. */
    @Override
    public LogEntry get(long index) {
        throw new UnsupportedOperationException("Part 1: an entry from memory");
    }

    /** Part 1: appends records for {@code entries}, rolling over to a new segment when one is full; durable only after {@link #sync()}. */
    @Override
    public void append(List<LogEntry> entries) {
        throw new UnsupportedOperationException("Part 1: append records");
    }

    /**
     * Part 10 (Project 11): forgets the entries up to {@code index}, as {@code LogStorage} says:
     * they leave memory, and every segment but the last whose entries all lie at or before
     * {@code index} is deleted (the folder forced after). An {@code index} past the end leaves no
     * segment: every one is deleted and a new one starts at {@code index + 1}, the sync mark at
     * {@code index}. An index behind the base, or an entry held there of another term, is an
     * {@link IllegalArgumentException}.
     */
    @Override
    public void compactTo(long index, long term) {
        throw new UnsupportedOperationException("Part 10: compact the segments");
    }

    /**
     * Part 1: deletes the entry at {@code index} and every one after it, across segments too.
     * {@code index} is in firstIndex()..lastIndex() + 1 (the upper end deletes nothing); outside
     * it, an {@link IndexOutOfBoundsException} ({@code cannot truncate from 9: entries are 1..6}).
     */
    @Override
    public void truncateFrom(long index) {
        throw new UnsupportedOperationException("Part 1: truncate, across segments");
    }

    /**
     * Part 1: writes every appended record to its file and forces it to the disk: one fsync for
     * many appends; also syncs the folder when a segment was created since the last sync.
     */
    public void sync() {
        throw new UnsupportedOperationException("Part 1: write and force");
    }

    /** Part 1: writes what is buffered and closes the active segment (closing does not sync). */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("Part 1: close the active segment");
    }

    /** Part 1: the folder holding the segments. */
    public Path directory() {
        throw new UnsupportedOperationException("Part 1: the folder");
    }

    /** Part 1: for example {@code SegmentLogStorage(/data/node-1/log, 2 segments, entries 1..40)}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: the folder, segments and entries");
    }
}
