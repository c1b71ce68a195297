package rafting.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import rafting.election.Driver;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.log.LogEntry;

/**
 * Everything one node keeps on disk, in one folder: {@code log/} (the segments), {@code term-vote}
 * and a {@code lock} file held while the node runs, so two processes never share a folder. It is
 * the {@link Driver.Disk} of the real node: a failure is an {@link UncheckedIOException}, after
 * which the node must stop.
 *
 * <pre>{@code
 * try (DataFolder data = DataFolder.open(Path.of("data/node-1"))) {
 *     data.write(1, List.of(LogEntry.of(1, "set x 1")));
 *     data.sync();
 * }
 * }</pre>
 */
public final class DataFolder implements KvNode.Storage {

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SegmentLogStorage log;
    private final TermVoteFile termVoteFile;
    private TermVote termVote;

    private DataFolder(Path dir, FileChannel lockChannel, FileLock lock, SegmentLogStorage log, TermVoteFile file,
            TermVote termVote) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.log = log;
        this.termVoteFile = file;
        this.termVote = termVote;
    }

    /** Opens (creating if needed) and recovers the folder; fails with a one-line reason if it cannot. */
    public static DataFolder open(Path dir) throws IOException {
        return open(dir, SegmentLogStorage.DEFAULT_SEGMENT_BYTES);
    }

    static DataFolder open(Path dir, long segmentBytes) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IOException(dir + " exists and is not a folder; pass another with --data", e);
        } catch (IOException e) {
            throw new IOException("cannot create the data folder " + dir + " (" + e.getMessage()
                    + "); pass another with --data", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir) || !Files.isReadable(dir)) {
            throw new AccessDeniedException(dir + " is not a folder this user can read and write;"
                    + " fix its permissions or pass another with --data");
        }
        FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process
        }
        if (lock == null) {
            channel.close();
            throw new IOException(dir + " is in use by another node; stop it, or pass another folder with --data");
        }
        try {
            var file = new TermVoteFile(dir);
            TermVote termVote = file.load();
            var log = SegmentLogStorage.open(dir.resolve("log"), segmentBytes);
            return new DataFolder(dir, channel, lock, log, file, termVote);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return dir;
    }

    /** The log's storage, as recovered: what a node starts from. Only {@link #write} changes it. */
    public SegmentLogStorage log() {
        return log;
    }

    /** The term/vote record as last saved. */
    public TermVote termVote() {
        return termVote;
    }

    /** Replaces the term/vote record, durably (its own fsync and an atomic rename). */
    @Override
    public void save(TermVote record) {
        try {
            termVoteFile.save(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + record + " in " + dir + ": " + e.getMessage(), e);
        }
        termVote = record;
    }

    /** Deletes the log's entries from {@code from} on and appends {@code entries} there. */
    @Override
    public void write(long from, List<LogEntry> entries) {
        if (from <= log.lastIndex()) {
            log.truncateFrom(from);
        }
        log.append(entries);
    }

    /** Makes every write of the log durable. */
    @Override
    public void sync() {
        log.sync();
    }

    /**
     * Not yet: the data folder keeps no snapshot file, so the node runs with snapshots off (its
     * settings never ask for one, and no peer can send one to a log that is never compacted).
     */
    @Override
    public void saveSnapshot(Snapshot snapshot) {
        throw new UnsupportedOperationException("this data folder keeps no snapshots yet: " + snapshot + " refused in " + dir);
    }

    @Override
    public void close() throws IOException {
        try {
            log.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    @Override
    public String toString() {
        return "DataFolder(" + dir + ", " + termVote + ", log 1.." + log.lastIndex() + ")";
    }
}
