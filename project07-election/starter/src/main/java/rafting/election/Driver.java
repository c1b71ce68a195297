package rafting.election;

import java.util.List;
import rafting.consensus.Applied;
import rafting.consensus.StateMachine;
import rafting.log.LogEntry;
import rafting.replication.Message;

/**
 * Part 4: drives one {@link RaftNode}: after its inputs, {@link #flush()} does what the node's
 * {@link Ready} asks, in the order the contract requires, over a {@link Disk} and an
 * {@link Outbox}. The simulator, the explorer and the real node of project 10 all run this class,
 * so the one subtle rule, that a leader's AppendEntries leave before its own sync, is written once.
 */
public final class Driver {

    /** Where the node's durable state lives. Given whole. Each method may throw an unchecked exception. */
    public interface Disk {
        /** Replaces the term/vote record (not durable until {@link #sync()}). */
        void save(TermVote termVote);

        /** Deletes the log's entries from {@code from} on and stores {@code entries} there (not durable until {@link #sync()}). */
        void write(long from, List<LogEntry> entries);

        /** Makes everything saved and written so far durable. */
        void sync();

        /**
         * Part 8: stores {@code snapshot} in place of the one stored, durable when this returns
         * (written whole or not at all), and compacts the stored log to it as
         * {@code RaftLog.installSnapshot} would; the compaction need not be durable.
         */
        void saveSnapshot(Snapshot snapshot);

        /**
         * Part 8, given whole: stores a snapshot the driver took of its own state machine. It may become durable
         * later, in the background, since nothing the node sends depends on it: the stored log
         * must then keep every entry the snapshot covers until it is. By default,
         * {@link #saveSnapshot}.
         */
        default void takeSnapshot(Snapshot snapshot) {
            saveSnapshot(snapshot);
        }
    }

    /** Where the node's output goes. Given whole. */
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
         * Part 8: the state machine was restored from {@code snapshot}, a leader's: it holds every
         * entry up to the snapshot's index, whose results this node never computed. Nothing to do
         * by default; the driver calls it right after the restore.
         */
        default void restored(Snapshot snapshot) {
        }
    }

    /**
     * Part 4: drives {@code node} over {@code disk}; committed commands go to {@code machine}
     * (Project 6's {@code Applier}), which holds every entry up to {@code node.lastApplied()}
     * (none, for a node that has just started). Nulls are refused. Part 8: a node that starts
     * from a snapshot ({@code node.snapshot().index() > 0} and {@code lastApplied} there) has the
     * driver restore {@code machine} from it first.
     */
    public Driver(RaftNode node, Disk disk, StateMachine machine, Outbox outbox) {
        throw new UnsupportedOperationException("Part 4: keep the node, the disk, an applier and the outbox");
    }

    /** Part 4: the node it drives. */
    public RaftNode node() {
        throw new UnsupportedOperationException("Part 4: the node");
    }

    /**
     * Part 4: while {@code node.ready()} is not empty: send {@code sendNow}; save the term/vote if
     * any; write the log if it changes; sync if anything was saved or written; send
     * {@code sendAfterSync}; apply {@code committed} in order, handing each {@code Applied} to the
     * outbox; hand the outbox each of {@code reads} as answerable and each of {@code readsRefused}
     * as not (Part 7); {@code node.advance(ready)}. (A leader whose own sync completed a majority commits in
     * {@code advance}: the next round applies it.) With {@link Flaw#ACKNOWLEDGE_BEFORE_DURABLE}
     * in the node's settings, send both lists first and never sync. Part 8: a ready's snapshot is
     * saved ({@code disk.saveSnapshot}) after the term/vote and before the log, and restored into
     * the machine before {@code committed} is applied (a fresh applier from its index); after
     * {@code advance}, when {@code settings().snapshots().due(...)} says so for the entries and
     * command bytes applied since the last snapshot, the driver takes one at {@code lastApplied}
     * ({@code machine.snapshot()}), hands it to {@code disk.takeSnapshot} and calls {@code node.compact}. An exception from the disk
     * leaves {@code flush()} at once, the node not advanced: the caller must stop the node.
     */
    public void flush() {
        throw new UnsupportedOperationException("Part 4: write, sync, send, apply, advance");
    }
}
