package rafting.system;

import static java.lang.System.Logger.Level.WARNING;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import rafting.log.LogEntry;
import rafting.log.LogStorage;

/**
 * The Raft log on disk: a folder of segment files, each named after the index of its first entry
 * ({@code 00000000000000000001.log}), each a sequence of records:
 *
 * <pre>
 *   int length   bytes of the payload (8 + command bytes)
 *   int crc      CRC32C of the length field and the payload
 *   long term    the payload: the entry's term ...
 *   byte[]       ... and its command
 * </pre>
 *
 * Appends go to a buffer in memory; {@link #sync()} writes them and calls {@code FileChannel.force},
 * once for everything appended since the last sync (group commit). Memory holds only each entry's
 * term and where its record starts (16 bytes an entry), not the commands: {@link #get} reads a
 * record back from its file, or from the bytes not written yet. The node keeps its own copy of the
 * log after the snapshot, so it reads from here only when it starts (the entries read at recovery
 * stay in memory until the log first changes, for that) and to check a snapshot's term.
 *
 * <p>Compaction ({@link #compactTo}, §7): the entries up to a snapshot leave memory, and every
 * segment whose entries all lie at or before it is deleted (the segment holding the snapshot's
 * index stays, its early records skipped when read). A snapshot past the end, or after a
 * conflict, leaves no segment: a new one starts right after it. {@link #open(Path, long, long, long)}
 * recovers against the snapshot the same way: it compacts to it, and a log that does not reach it
 * or holds another term at its index starts over after it.
 *
 * <p>Rolling over to a new segment flushes the old one but does not force it: the next
 * {@link #sync()} forces both, so a batch costs one fsync however it falls across segments.
 *
 * <p>A {@link SyncMark} in the folder records how far the log was synced. On open, the
 * storage recovers. A damaged record past the mark, at the end of the last segment, that ends
 * early (the file stops inside it) or ends in zeros (the file grew, its data never landed) is a
 * torn write of the last batch before a crash: never synced, so never acknowledged; it is cut off
 * with a warning. Everything else is damage to data that was durable, and opening fails with a
 * {@link CorruptLogException} that says what to do: a bad record at or below the mark, a complete
 * record with a bad checksum, good records after a bad one, a missing segment, or a log that
 * ends before the mark (a segment deleted, a file cut short).
 */
public final class SegmentLogStorage implements LogStorage, Closeable {

    /** Segments roll over at 16 MiB: after a snapshot, a restart reads at most about one segment before the snapshot's index. */
    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;
    static final int HEADER_BYTES = 8;
    private static final int MIN_PAYLOAD = Long.BYTES;
    private static final Pattern SEGMENT_NAME = Pattern.compile("\\d{20}\\.log");
    private static final System.Logger LOG = System.getLogger(SegmentLogStorage.class.getName());

    /** A segment file: the index of its first entry, its path, and its size including unwritten bytes. */
    private static final class Segment {
        final long firstIndex;
        final Path path;
        long size;

        Segment(long firstIndex, Path path, long size) {
            this.firstIndex = firstIndex;
            this.path = path;
            this.size = size;
        }
    }

    private final Path dir;
    private final long segmentBytes;
    private long base; // the index before the first entry held: the snapshot's, or 0
    private long baseTerm;
    private int count; // entries held: base + 1 .. base + count
    private long[] terms = new long[1024]; // the term of entry base + 1 + i
    private long[] positions = new long[1024]; // where entry base + 1 + i starts in its segment
    private List<LogEntry> recovered = new ArrayList<>(); // what recovery read, until the log first changes
    private final List<Segment> segments = new ArrayList<>();
    private FileChannel active;
    private final List<FileChannel> rolled = new ArrayList<>(); // earlier segments flushed since the last sync
    private SyncMark mark;
    private ByteBuffer pending = ByteBuffer.allocate(1 << 16); // records not yet written to the active segment
    private long written; // bytes of the active segment already handed to the file
    private boolean dirChanged;

    private SegmentLogStorage(Path dir, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
    }

    /** Opens (or creates) the log in {@code dir}, recovering it as described above. */
    public static SegmentLogStorage open(Path dir) throws IOException {
        return open(dir, DEFAULT_SEGMENT_BYTES);
    }

    /** Opens the log with segments of at most about {@code segmentBytes} (tests use small ones). */
    public static SegmentLogStorage open(Path dir, long segmentBytes) throws IOException {
        return open(dir, segmentBytes, 0, 0);
    }

    /**
     * Opens the log behind a snapshot of every entry up to {@code snapshotIndex}, the last of term
     * {@code snapshotTerm} (0 and 0 for none), and compacts it to the snapshot: see the class comment.
     */
    public static SegmentLogStorage open(Path dir, long segmentBytes, long snapshotIndex, long snapshotTerm)
            throws IOException {
        Files.createDirectories(dir);
        var storage = new SegmentLogStorage(dir, segmentBytes);
        storage.mark = SyncMark.open(dir);
        try {
            storage.recover(snapshotIndex);
            if (snapshotIndex > 0) {
                storage.reconcile(snapshotIndex, snapshotTerm);
            }
        } catch (IOException | RuntimeException e) {
            storage.mark.close();
            throw e;
        }
        return storage;
    }

    // ---------------------------------------------------------------- LogStorage

    @Override
    public long firstIndex() {
        return base + 1;
    }

    @Override
    public long lastIndex() {
        return base + count;
    }

    @Override
    public long baseTerm() {
        return baseTerm;
    }

    @Override
    public LogEntry get(long index) {
        Objects.checkIndex(index - base - 1, count);
        int at = (int) (index - base - 1);
        if (recovered != null) {
            return recovered.get(at);
        }
        try {
            return read(index, positions[at]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entry " + index + " of the log in " + dir, e);
        }
    }

    /** The entry at {@code index}, whose record starts at {@code position} of its segment: from the bytes not written yet, or from the file. */
    private LogEntry read(long index, long position) throws IOException {
        Segment segment = segments.get(segments.size() - 1);
        for (int i = segments.size() - 1; segment.firstIndex > index; i--) {
            segment = segments.get(i - 1);
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES + MIN_PAYLOAD);
        boolean inPending = segment == segments.get(segments.size() - 1) && position >= written;
        if (inPending) {
            int at = (int) (position - written);
            int length = pending.getInt(at);
            byte[] command = new byte[length - MIN_PAYLOAD];
            pending.get(at + HEADER_BYTES + MIN_PAYLOAD, command);
            return new LogEntry(pending.getLong(at + HEADER_BYTES), command);
        }
        try (FileChannel file = FileChannel.open(segment.path, StandardOpenOption.READ)) {
            readFully(file, header, position);
            int length = header.getInt(0);
            ByteBuffer payload = ByteBuffer.allocate(length - MIN_PAYLOAD);
            readFully(file, payload, position + HEADER_BYTES + MIN_PAYLOAD);
            return new LogEntry(header.getLong(HEADER_BYTES), payload.array());
        }
    }

    private static void readFully(FileChannel file, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (file.read(into, position + into.position()) < 0) {
                throw new IOException("the file ends inside a record that was written");
            }
        }
    }

    @Override
    public void append(List<LogEntry> more) {
        try {
            for (LogEntry entry : more) {
                byte[] command = entry.command();
                int length = MIN_PAYLOAD + command.length;
                Segment last = segments.get(segments.size() - 1);
                if (last.size > 0 && last.size + HEADER_BYTES + length > segmentBytes) {
                    last = roll();
                }
                ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + length);
                record.putInt(length).putInt(0).putLong(entry.term()).put(command);
                record.putInt(Integer.BYTES, crc(record.array(), 0, record.capacity()));
                record.flip();
                ensurePending(record.remaining());
                pending.put(record);
                recovered = null; // the log changes: the node has its own copy by now
                remember(lastIndex() + 1, last.size, entry.term());
                count++;
                last.size += HEADER_BYTES + length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the log in " + dir, e);
        }
    }

    @Override
    public void compactTo(long index, long term) {
        if (index < base || term < 1 || index <= lastIndex() && index > base && get(index).term() != term) {
            throw new IllegalArgumentException("cannot compact to " + index + "/" + term + ": entries are " + firstIndex()
                    + ".." + lastIndex() + " after " + base + "/" + baseTerm);
        }
        try {
            if (index > lastIndex()) {
                startOver(index, term);
                return;
            }
            int drop = (int) (index - base);
            if (recovered != null) {
                recovered.subList(0, drop).clear(); // compacted at recovery, before the node copies the rest
            }
            count -= drop;
            System.arraycopy(positions, drop, positions, 0, count);
            System.arraycopy(terms, drop, terms, 0, count);
            base = index;
            baseTerm = term;
            deleteSegmentsUpTo(index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the log in " + dir + " to " + index, e);
        }
    }

    /** Deletes every segment but the last whose entries all lie at or before {@code index}. */
    private void deleteSegmentsUpTo(long index) throws IOException {
        boolean deleted = false;
        while (segments.size() > 1 && segments.get(1).firstIndex <= index + 1) {
            forceRolled(); // an earlier segment may still be open, waiting for the next sync
            Files.delete(segments.remove(0).path);
            deleted = true;
        }
        if (deleted) {
            syncDirectory(dir);
        }
    }

    /** No entry is kept: every segment goes, and a new one starts after {@code index}, of term {@code term}. */
    private void startOver(long index, long term) throws IOException {
        mark.lower(Math.min(mark.index(), index));
        forceRolled();
        pending.clear();
        if (active != null) {
            active.close();
        }
        for (Segment segment : segments) {
            Files.deleteIfExists(segment.path);
        }
        segments.clear();
        recovered = null;
        count = 0;
        base = index;
        baseTerm = term;
        create(index + 1);
        syncDirectory(dir);
        mark.advance(index);
        mark.force();
    }

    /** After recovery: compact to the snapshot, or start over after it when the log does not reach it or conflicts there. */
    private void reconcile(long snapshotIndex, long snapshotTerm) throws IOException {
        boolean holdsIt = snapshotIndex <= lastIndex() && (snapshotIndex == base || get(snapshotIndex).term() == snapshotTerm);
        if (snapshotIndex == base) {
            baseTerm = snapshotTerm; // the segments start right after the snapshot: compacted to it before
        }
        if (holdsIt) {
            compactTo(snapshotIndex, snapshotTerm);
        } else {
            LOG.log(WARNING, () -> "log " + dir + " ends at " + lastIndex() + " or conflicts with the snapshot at "
                    + snapshotIndex + "/" + snapshotTerm + ": it starts over after the snapshot");
            startOver(snapshotIndex, snapshotTerm);
        }
    }

    @Override
    public void truncateFrom(long index) {
        if (index < firstIndex() || index > lastIndex() + 1) {
            throw new IndexOutOfBoundsException("cannot truncate from " + index + ": entries are " + firstIndex() + ".."
                    + lastIndex());
        }
        if (index > lastIndex()) {
            return;
        }
        try {
            mark.lower(index - 1); // a crash after the cut must not look like lost entries
            forceRolled();
            int keep = segments.size() - 1;
            while (segments.get(keep).firstIndex > index) {
                keep--;
            }
            if (keep < segments.size() - 1) {
                // Whole segments after the cut go first, and that is made durable at once: a crash
                // must never leave a later segment behind an earlier one that lost its end.
                pending.clear();
                active.close();
                while (segments.size() - 1 > keep) {
                    Files.delete(segments.remove(segments.size() - 1).path);
                }
                syncDirectory(dir);
                Segment last = segments.get(keep);
                active = FileChannel.open(last.path, StandardOpenOption.WRITE);
                written = last.size;
            }
            Segment last = segments.get(keep);
            long cut = positions[(int) (index - base - 1)];
            if (cut >= written) {
                pending.position((int) (cut - written)); // the cut falls in bytes not written yet
            } else {
                pending.clear();
                active.truncate(cut);
                written = cut;
            }
            active.position(written);
            last.size = cut;
            recovered = null;
            count = (int) (index - base - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate the log in " + dir + " from " + index, e);
        }
    }

    // ---------------------------------------------------------------- durability

    /** Writes every appended record to its file and forces it to the disk: one fsync for many appends. */
    public void sync() {
        try {
            flush();
            forceRolled();
            active.force(false);
            if (dirChanged) {
                syncDirectory(dir);
                mark.force();
                dirChanged = false;
            }
            mark.advance(lastIndex());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the log in " + dir, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (active != null && active.isOpen()) {
                flush();
                for (FileChannel channel : rolled) {
                    channel.close();
                }
                active.close();
            }
        } finally {
            mark.close();
        }
    }

    /** The folder holding the segments. */
    public Path directory() {
        return dir;
    }

    /** Makes a file's creation, rename or deletion in {@code dir} durable. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private void flush() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            written += active.write(pending);
        }
        pending.clear();
    }

    private void forceRolled() throws IOException {
        for (FileChannel channel : rolled) {
            channel.force(false);
            channel.close();
        }
        rolled.clear();
    }

    private Segment roll() throws IOException {
        flush();
        rolled.add(active); // forced by the next sync, with the rest of the batch
        Segment next = create(lastIndex() + 1);
        dirChanged = true;
        return next;
    }

    private Segment create(long firstIndex) throws IOException {
        Path path = dir.resolve(String.format("%020d.log", firstIndex));
        active = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        written = 0;
        Segment segment = new Segment(firstIndex, path, 0);
        segments.add(segment);
        return segment;
    }

    private void ensurePending(int more) {
        if (pending.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + more));
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
    }

    private void remember(long index, long position, long term) {
        int at = (int) (index - base - 1);
        if (at >= positions.length) {
            positions = Arrays.copyOf(positions, Math.max(positions.length * 2, at + 1));
            terms = Arrays.copyOf(terms, positions.length);
        }
        positions[at] = position;
        terms[at] = term;
    }

    // ---------------------------------------------------------------- recovery

    /** Reads every segment; with a snapshot up to {@code snapshotIndex}, the first may start anywhere up to just after it. */
    private void recover(long snapshotIndex) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> SEGMENT_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (files.isEmpty()) {
            if (mark.index() > snapshotIndex) {
                throw lost("the log in " + dir + " has no segment file", snapshotIndex);
            }
            base = snapshotIndex;
            create(snapshotIndex + 1);
            dirChanged = true;
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            long first = Long.parseLong(file.getFileName().toString().substring(0, 20));
            if (i == 0 && first > 1) {
                if (first > snapshotIndex + 1) {
                    throw CorruptLogException.inDataFolder(file + " starts at index " + first + " but the snapshot ends at "
                            + snapshotIndex + ": the segments between are missing", dir.getParent());
                }
                base = first - 1; // compacted before: the entries up to here are in the snapshot
            }
            if (first != lastIndex() + 1) {
                throw CorruptLogException.inDataFolder(file + " starts at index " + first + " but the log before it"
                        + " ends at " + lastIndex() + ": a segment is missing", dir.getParent());
            }
            long good = readSegment(file, first, i == files.size() - 1);
            segments.add(new Segment(first, file, good));
        }
        if (lastIndex() < mark.index() && mark.index() > snapshotIndex) {
            throw lost("the log in " + dir + " ends at index " + lastIndex(), lastIndex());
        }
        mark.warnIfMissing(lastIndex());
        Segment last = segments.get(segments.size() - 1);
        active = FileChannel.open(last.path, StandardOpenOption.WRITE);
        if (active.size() > last.size) {
            LOG.log(WARNING, () -> "log " + last.path + ": cut off a torn tail of " + sizeOf(last.path, last.size)
                    + " bytes after index " + lastIndex() + " (written but never synced before a crash)");
            active.truncate(last.size);
            active.force(false);
        }
        written = last.size;
        active.position(written);
    }

    /** Reads one segment's records into memory; returns the length of its good prefix. */
    private long readSegment(Path file, long firstIndex, boolean isLast) throws IOException {
        byte[] data = Files.readAllBytes(file);
        int pos = 0;
        long index = firstIndex;
        long lastTerm = count == 0 ? 0 : terms[count - 1];
        while (pos < data.length) {
            int length = validRecordAt(data, pos);
            long term = length < 0 ? 0 : ByteBuffer.wrap(data, pos + HEADER_BYTES, Long.BYTES).getLong();
            if (length < 0 || term < lastTerm) {
                if (length < 0 && isLast && index > mark.index() && isTorn(data, pos)
                        && !anyValidRecordAfter(data, pos + 1)) {
                    return pos;
                }
                String problem = length >= 0 ? "term " + term + " after term " + lastTerm
                        : index <= mark.index() ? "a damaged record, synced (the log was synced up to " + mark.index() + ")"
                        : isTorn(data, pos) ? "a damaged record with good records after it"
                        : "a complete record with a bad checksum";
                throw CorruptLogException.inDataFolder(file + ": " + problem + " at byte " + pos + " (index " + index
                        + ")", dir.getParent());
            }
            byte[] command = Arrays.copyOfRange(data, pos + HEADER_BYTES + MIN_PAYLOAD, pos + HEADER_BYTES + length);
            remember(index, pos, term);
            recovered.add(new LogEntry(term, command));
            count++;
            lastTerm = term;
            index++;
            pos += HEADER_BYTES + length;
        }
        return pos;
    }

    /** The payload length of the record at {@code pos} if it is whole, checks out and has a term; else -1. */
    private static int validRecordAt(byte[] data, int pos) {
        if (data.length - pos < HEADER_BYTES + MIN_PAYLOAD) {
            return -1;
        }
        ByteBuffer header = ByteBuffer.wrap(data, pos, HEADER_BYTES);
        int length = header.getInt();
        int crc = header.getInt();
        if (length < MIN_PAYLOAD || length > data.length - pos - HEADER_BYTES) {
            return -1;
        }
        CRC32C checksum = new CRC32C();
        checksum.update(data, pos, Integer.BYTES);
        checksum.update(data, pos + HEADER_BYTES, length);
        if ((int) checksum.getValue() != crc) {
            return -1;
        }
        long term = ByteBuffer.wrap(data, pos + HEADER_BYTES, Long.BYTES).getLong();
        return term >= 1 ? length : -1;
    }

    /**
     * True when the record at {@code pos} looks like an unfinished write: the file ends inside its
     * header or before the length it declares, or everything from its last byte on is zero.
     */
    private static boolean isTorn(byte[] data, int pos) {
        if (data.length - pos < HEADER_BYTES + MIN_PAYLOAD) {
            return true;
        }
        int length = ByteBuffer.wrap(data, pos, Integer.BYTES).getInt();
        if (length < MIN_PAYLOAD || length > data.length - pos - HEADER_BYTES) {
            return true;
        }
        for (int i = pos + HEADER_BYTES + length - 1; i < data.length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private CorruptLogException lost(String what, long lastIndex) {
        return CorruptLogException.inDataFolder(what + ", but entries up to " + mark.index() + " were synced (and"
                + " may have been acknowledged): " + (mark.index() - lastIndex) + " entries are missing", dir.getParent());
    }

    /** True when a valid record starts anywhere from {@code from} on: then the damage is not a torn tail. */
    private static boolean anyValidRecordAfter(byte[] data, int from) {
        for (int pos = from; pos <= data.length - HEADER_BYTES - MIN_PAYLOAD; pos++) {
            if (validRecordAt(data, pos) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int crc(byte[] record, int offset, int size) {
        CRC32C checksum = new CRC32C();
        checksum.update(record, offset, Integer.BYTES);
        checksum.update(record, offset + HEADER_BYTES, size - HEADER_BYTES);
        return (int) checksum.getValue();
    }

    private static long sizeOf(Path file, long good) {
        try {
            return Files.size(file) - good;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "SegmentLogStorage(" + dir + ", " + segments.size() + " segments, entries " + firstIndex() + ".." + lastIndex() + ")";
    }
}
