package rafting.election;

import java.util.List;
import java.util.Objects;
import rafting.consensus.Applied;
import rafting.consensus.Applier;
import rafting.consensus.StateMachine;
import rafting.log.LogEntry;
import rafting.replication.Message;

/**
 * Drives one {@link RaftNode}: after its inputs, {@link #flush()} does what the node's
 * {@link Ready} asks, in the order the contract requires, over a {@link Disk} and an
 * {@link Outbox}. Every driver of this course is this one: project 7's {@link Cluster}, the
 * simulator, the explorer and the real node of project 10. So the one subtle rule, that a
 * leader's AppendEntries leave before its own sync, runs wherever the core runs.
 *
 * <p>When the settings ask for snapshots ({@link Settings.Snapshots}), the driver also takes
 * them: after a ready whose entries bring the log since the last snapshot past the threshold, it
 * writes the state machine's snapshot to the disk and tells the node, which compacts its log
 * ({@link RaftNode#compact(Snapshot)}, §7).
 *
 * <p>A disk that fails throws; the exception leaves {@code flush()} with the node not advanced.
 * The caller must then stop the node (fail-stop): after a failed {@code fsync} nothing written
 * since the last good one can be trusted.
 */
public final class Driver {

    /** Where the node's durable state lives. Each method may throw an unchecked exception; none returns half done. */
    public interface Disk {
        /** Replaces the term/vote record (not durable until {@link #sync()}). */
        void save(TermVote termVote);

        /** Deletes the log's entries from {@code from} on and stores {@code entries} there (not durable until {@link #sync()}). */
        void write(long from, List<LogEntry> entries);

        /** Makes everything saved and written so far durable. */
        void sync();

        /**
         * Stores {@code snapshot} in place of the one stored, durable when this returns (the
         * snapshot is written whole or not at all), and compacts the stored log to it: the entries
         * after the snapshot's index stay if the entry at that index has the snapshot's term
         * ({@link rafting.log.RaftLog#installSnapshot}), otherwise the whole log goes. The
         * compaction need not be durable: a node restarted from the snapshot compacts again.
         */
        void saveSnapshot(Snapshot snapshot);

        /**
         * Stores a snapshot the driver took of its own state machine. It may become durable
         * later, in the background, since nothing the node sends depends on it: the stored log
         * must then keep every entry the snapshot covers until it is. By default,
         * {@link #saveSnapshot}.
         */
        default void takeSnapshot(Snapshot snapshot) {
            saveSnapshot(snapshot);
        }
    }

    /** Where the node's output goes. */
    public interface Outbox {
        /** A message to a peer. */
        void send(Message message);

        /** A committed entry, applied to the state machine, with its result. */
        void applied(Applied applied);

        /**
         * A read of {@link RaftNode#readIndex(long)} is settled: when {@code answerable}, the state
         * machine as it is now holds everything the read must see; otherwise the node stopped
         * leading before it could confirm, and the client must ask the leader.
         */
        void read(long readId, boolean answerable);

        /**
         * The state machine was restored from {@code snapshot}, a leader's (Figure 13): it holds
         * every entry up to the snapshot's index, whose results this node never computed. Nothing
         * to do by default; a node with clients waiting on those entries answers them here.
         */
        default void restored(Snapshot snapshot) {
        }
    }

    private final RaftNode node;
    private final Disk disk;
    private final StateMachine machine;
    private Applier applier;
    private final Outbox outbox;
    private long bytesSinceSnapshot; // of the commands applied since the last snapshot

    /**
     * Drives {@code node} over {@code disk}; committed commands go to {@code machine}, which holds
     * every entry up to the node's {@code lastApplied()}: none, for a node that has just started,
     * whose snapshot the driver restores into {@code machine} first, if it has one.
     */
    public Driver(RaftNode node, Disk disk, StateMachine machine, Outbox outbox) {
        this.node = Objects.requireNonNull(node, "node");
        this.disk = Objects.requireNonNull(disk, "disk");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        Snapshot snapshot = node.snapshot();
        if (snapshot.index() > 0 && node.lastApplied() == snapshot.index()) {
            machine.restore(snapshot.data());
        }
        this.applier = new Applier(machine, node.lastApplied());
    }

    public RaftNode node() {
        return node;
    }

    /**
     * Does everything the node asks since its last inputs: writes, syncs, sends, applies, and
     * tells the node; again while telling it gives it more to do (a leader whose own write
     * completes a majority commits then).
     */
    public void flush() {
        // With this flaw the driver acknowledges before the disk has the state: it sends at once
        // and leaves the sync to the operating system, whenever that happens.
        boolean trusting = node.settings().has(Flaw.ACKNOWLEDGE_BEFORE_DURABLE);
        for (Ready ready = node.ready(); !ready.isEmpty(); ready = node.ready()) {
            ready.sendNow().forEach(outbox::send); // §10.2.1: only a leader's AppendEntries are here
            if (trusting) {
                ready.sendAfterSync().forEach(outbox::send);
            }
            if (ready.termVote() != null) {
                disk.save(ready.termVote());
            }
            if (ready.snapshot() != null) {
                disk.saveSnapshot(ready.snapshot()); // Figure 13, 5: save the snapshot before answering
            }
            if (ready.writesLog()) {
                disk.write(ready.writeFrom(), ready.entries());
            }
            if (ready.needsSync() && !trusting) {
                disk.sync();
            }
            if (!trusting) {
                ready.sendAfterSync().forEach(outbox::send);
            }
            if (ready.snapshot() != null) {
                // Figure 13, 8: reset the state machine using the snapshot's contents
                machine.restore(ready.snapshot().data());
                applier = new Applier(machine, ready.snapshot().index());
                bytesSinceSnapshot = 0;
                outbox.restored(ready.snapshot());
            }
            long index = ready.firstCommitted();
            for (LogEntry entry : ready.committed()) {
                outbox.applied(applier.apply(index++, entry));
                bytesSinceSnapshot += entry.size();
            }
            ready.reads().forEach(read -> outbox.read(read, true)); // §6.4: applied up to the read index
            ready.readsRefused().forEach(read -> outbox.read(read, false));
            node.advance(ready);
            snapshotIfDue();
        }
    }

    /** §7: once the log since the last snapshot passes the threshold, a snapshot of all applied, and the log compacted to it. */
    private void snapshotIfDue() {
        long applied = node.lastApplied();
        long since = applied - node.snapshot().index();
        if (since < 1 || !node.settings().snapshots().due(since, bytesSinceSnapshot)) {
            return;
        }
        var snapshot = new Snapshot(applied, node.log().termAt(applied), machine.snapshot());
        disk.takeSnapshot(snapshot);
        node.compact(snapshot);
        bytesSinceSnapshot = 0;
    }
}
