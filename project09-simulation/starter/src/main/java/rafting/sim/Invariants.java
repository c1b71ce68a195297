package rafting.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rafting.consensus.Applied;
import rafting.election.RaftNode;
import rafting.election.Role;
import rafting.log.LogEntry;
import rafting.replication.Progress;

/**
 * The safety properties of {@link RaftInvariants} (Figure 3 of the paper, and Project 8's "no
 * committed entry is ever lost"), checked after every event of a simulated run, each violation
 * named with a constant of {@code RaftInvariants}. Each check is incremental: it looks
 * only at what the event changed (the node that flushed, the entries just stored, the part of a
 * durable log just synced), so checking costs little more than simulating.
 *
 * <p>The first violation is kept; later ones are ignored.
 *
 * <p>Across restarts: a node's commit index and last applied index live in memory, so a restart
 * sets them back to 0 and they only have to grow again within each life. What must never go back
 * is the cluster's committed prefix: once an index is committed with an entry, every node that
 * commits that index, in any life, commits that same entry, and a majority keeps it on disk.
 */
final class Invariants implements SimDisk.Watcher {

    // The run's outcomes beside the safety properties, whose names are RaftInvariants'.
    static final String LIVENESS = "Liveness";
    static final String LINEARIZABILITY = "Linearizability";
    static final String CORE_FAILURE = "The core failed";

    /**
     * Checks the servers {@code servers[1..]} ({@code servers[0]} is unused). Without
     * {@code structuralChecks}, a broken safety property of the servers' state is only noted (see
     * {@link #structuralViolation}) and the run goes on, failing only on what clients can see
     * (their history, liveness) or on the core throwing.
     */
    Invariants(SimServer[] servers, boolean structuralChecks) {
        throw new UnsupportedOperationException("Part 7: write Invariants");
    }

    /** The first violation, or null. */
    Violation violation() {
        throw new UnsupportedOperationException("Part 7: write Invariants.violation");
    }

    /** The events applied so far, to date a violation. */
    void atStep(long step) {
        throw new UnsupportedOperationException("Part 7: write Invariants.atStep");
    }

    /** The first violation of a safety property of the servers' state, stopping the run or not. */
    Violation structuralViolation() {
        throw new UnsupportedOperationException("Part 7: write Invariants.structuralViolation");
    }

    /** Reports a violation, found here or elsewhere (liveness, the clients' history, the core throwing). */
    void fail(String invariant, String detail) {
        throw new UnsupportedOperationException("Part 7: write Invariants.fail");
    }

    // ---------------------------------------------------------------- as the disks change

    @Override
    public void appended(int node, long index, long prevTerm, LogEntry entry) {
        throw new UnsupportedOperationException("Part 7: write Invariants.appended");
    }

    @Override
    public void synced(int node, long from) {
        throw new UnsupportedOperationException("Part 7: write Invariants.synced");
    }

    // ---------------------------------------------------------------- as the nodes act

    /** Node {@code server} flushed: it wrote and synced what {@code ready} asked and sent its messages. */
    void flushed(SimServer server, List<Applied> newlyApplied) {
        throw new UnsupportedOperationException("Part 7: write Invariants.flushed");
    }

    /** Node {@code server} crashed: what its leader believes it holds must still be on its disk. */
    void crashed(SimServer server) {
        throw new UnsupportedOperationException("Part 7: write Invariants.crashed");
    }

    /** Node {@code server} restarted: a new life, whose commit and applied indexes start again from 0. */
    void restarted(SimServer server) {
        throw new UnsupportedOperationException("Part 7: write Invariants.restarted");
    }

}
