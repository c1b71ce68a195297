package rafting.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import rafting.election.Driver;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * Everything one node keeps on disk, in one folder: {@code log/} (the segments), {@code term-vote},
 * {@code snapshot} (the latest snapshot of the state machine, {@link SnapshotFile}) and a
 * {@code lock} file held while the node runs, so two processes never share a folder. It is
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
    private final SnapshotFile snapshotFile;
    private final Snapshot recoveredSnapshot;
    private final ExecutorService snapshotWriter; // one thread, started at the first snapshot taken
    private Future<Snapshot> writing; // a snapshot taken, being written in the background

    private DataFolder(Path dir, FileChannel lockChannel, FileLock lock, SegmentLogStorage log, TermVoteFile file,
            TermVote termVote, SnapshotFile snapshotFile, Snapshot snapshot) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.log = log;
        this.termVoteFile = file;
        this.termVote = termVote;
        this.snapshotFile = snapshotFile;
        this.recoveredSnapshot = snapshot;
        this.snapshotWriter = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "snapshot writer of " + dir);
            thread.setDaemon(true);
            return thread;
        });
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
            var snapshotFile = new SnapshotFile(dir);
            Snapshot snapshot = snapshotFile.load();
            var log = SegmentLogStorage.open(dir.resolve("log"), segmentBytes, snapshot.index(), snapshot.term());
            return new DataFolder(dir, channel, lock, log, file, termVote, snapshotFile, snapshot);
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

    /** The snapshot as recovered ({@link Snapshot#NONE} if none): the log starts after it. */
    @Override
    public Snapshot snapshot() {
        return recoveredSnapshot;
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
        if (writing != null && writing.isDone()) {
            compactTo(finishWriting());
        }
    }

    /**
     * Stores {@code snapshot} durably in place of the last one (its own fsync and an atomic
     * rename), then compacts the log to it: segments wholly behind it are deleted.
     */
    @Override
    public void saveSnapshot(Snapshot snapshot) {
        finishWriting();
        try {
            snapshotFile.save(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + snapshot + " in " + dir + ": " + e.getMessage(), e);
        }
        compactTo(snapshot);
    }

    /**
     * Writes {@code snapshot}, which this node's driver took, on a thread of its own: writing and
     * forcing tens of megabytes would stop the node's loop (heartbeats included) for as long. The
     * log is compacted at the first {@link #sync} after the write is durable; until then it keeps
     * every entry, so a crash meanwhile restarts from the last snapshot and the whole log after it.
     */
    @Override
    public void takeSnapshot(Snapshot snapshot) {
        finishWriting(); // one at a time; they come many thousands of entries apart
        writing = snapshotWriter.submit(() -> {
            snapshotFile.save(snapshot);
            return snapshot;
        });
    }

    /** Waits for the snapshot being written, if any, and returns it (null if none); its failure is this folder's. */
    private Snapshot finishWriting() {
        if (writing == null) {
            return null;
        }
        try {
            return writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while a snapshot was written in " + dir));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new UncheckedIOException("cannot save a snapshot in " + dir + ": " + cause.getMessage(),
                    cause instanceof IOException io ? io : new IOException(cause));
        } finally {
            writing = null;
        }
    }

    /** §7: the log forgets what {@code snapshot}, durable now, holds; segments wholly behind it are deleted. */
    private void compactTo(Snapshot snapshot) {
        if (snapshot != null) {
            new RaftLog(log).installSnapshot(snapshot.index(), snapshot.term());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            finishWritingQuietly();
            snapshotWriter.shutdown();
            log.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    /** On close: a snapshot being written is finished (it was taken: keep it); a failure of it leaves the last one. */
    private void finishWritingQuietly() {
        try {
            finishWriting();
        } catch (UncheckedIOException e) {
            System.getLogger(DataFolder.class.getName()).log(System.Logger.Level.WARNING,
                    () -> "a snapshot was not saved before " + dir + " closed: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "DataFolder(" + dir + ", " + termVote + ", log " + log.firstIndex() + ".." + log.lastIndex() + ")";
    }
}
