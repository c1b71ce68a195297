package rafting.system;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import rafting.election.Driver;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.log.LogEntry;

/**
 * Part 1: everything one node keeps on disk, in one folder: {@code log/} (a
 * {@link SegmentLogStorage}), {@code term-vote} (a {@link TermVoteFile}) and a {@code lock} file
 * held (with {@code FileChannel.tryLock}) while the folder is open, so that two nodes never share
 * a folder, in two processes or in one. It is the node's {@link Driver.Disk}.
 *
 * <pre>{@code
 * try (DataFolder data = DataFolder.open(Path.of("data/node-1"))) {
 *     data.write(1, List.of(LogEntry.of(1, "set x 1")));
 *     data.sync();
 * }
 * }</pre>
 */
public final class DataFolder implements KvNode.Storage {

    private DataFolder() {
    }

    /**
     * Part 1: opens (creating it and its parents if needed) and recovers the folder. Fails with an
     * {@link IOException} whose message says what to do: a folder already open, here or in another
     * process, gives a message containing {@code in use by another node} (the reference:
     * {@code data/node-1 is in use by another node; stop it, or pass another folder with --data});
     * a path that is not a folder this user can read and write says so. A failed open releases
     * the lock again. Damaged files throw the {@link CorruptLogException} of the log or of the
     * term/vote file.
     */
    public static DataFolder open(Path dir) throws IOException {
        throw new UnsupportedOperationException("Part 1: lock, load the term/vote record, open the log");
    }

    /** Part 1: the folder. */
    public Path path() {
        throw new UnsupportedOperationException("Part 1: the folder");
    }

    /** Part 1: the log's storage as recovered, what a node starts from; only {@link #write} changes it. */
    public SegmentLogStorage log() {
        throw new UnsupportedOperationException("Part 1: the log's storage");
    }

    /** Part 1: the term/vote record as last saved ({@link TermVote#INITIAL} in a new folder). */
    public TermVote termVote() {
        throw new UnsupportedOperationException("Part 1: the term/vote record");
    }

    /**
     * Part 1: replaces the term/vote record, durably (its own fsync and an atomic rename). A
     * failure is an {@link java.io.UncheckedIOException} that says which folder.
     */
    @Override
    public void save(TermVote record) {
        throw new UnsupportedOperationException("Part 1: save the term/vote record");
    }

    /** Part 1: deletes the log's entries from {@code from} on (if it holds any there) and appends {@code entries}. */
    @Override
    public void write(long from, List<LogEntry> entries) {
        throw new UnsupportedOperationException("Part 1: write the log as the driver asks");
    }

    /** Part 1: makes every write of the log durable. */
    @Override
    public void sync() {
        throw new UnsupportedOperationException("Part 1: sync the log");
    }

    /**
     * Part 10 (Project 11): stores {@code snapshot} in the folder's {@link SnapshotFile}, durably,
     * then compacts the log to it ({@code new RaftLog(log()).installSnapshot(index, term)}). An
     * {@code IOException} becomes an {@link java.io.UncheckedIOException}.
     */
    @Override
    public void saveSnapshot(Snapshot snapshot) {
        throw new UnsupportedOperationException("Part 10: save the snapshot, compact the log");
    }

    /**
     * Part 10 (Project 11): a snapshot this node's driver took: written on a thread of its own,
     * so that the loop does not stop for as long; the log is compacted at the first
     * {@link #sync} after the write is durable, and a failure of the write is thrown from there.
     * {@link #saveSnapshot} and {@link #close} wait for a write in progress first.
     */
    @Override
    public void takeSnapshot(Snapshot snapshot) {
        throw new UnsupportedOperationException("Part 10: write the snapshot in the background");
    }

    /**
     * Part 10: the snapshot as recovered by {@link #open} ({@link Snapshot#NONE} if none): open
     * loads the {@link SnapshotFile} before the log, and opens the log behind it.
     */
    @Override
    public Snapshot snapshot() {
        throw new UnsupportedOperationException("Part 10: the snapshot recovered");
    }

    /** Part 1: closes the log and releases the lock; the folder can be opened again. */
    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException("Part 1: close the log, release the lock");
    }

    /** Part 1: for example {@code DataFolder(data/node-1, t=3 vote=2, log 1..40)}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 1: the folder, its record and its log");
    }
}
