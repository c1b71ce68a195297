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
 * committed entry is ever lost"), checked after every event of a simulated run. Each check is
 * incremental, where {@code RaftInvariants} defines each property on a whole state: it looks
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

    /** An entry seen at one (index, term), and the term of the entry before it. */
    private record Seen(int node, LogEntry entry, long prevTerm) {
    }

    /** A committed index: its entry, the term in which it was first committed, which servers hold it on disk. */
    private static final class Committed {
        final LogEntry entry;
        final long term;
        int holders;

        Committed(LogEntry entry, long term) {
            this.entry = entry;
            this.term = term;
        }
    }

    private final SimServer[] servers;
    private final int quorum;
    private final Map<Long, Seen> seen = new HashMap<>();
    private final List<Committed> committed = new ArrayList<>();
    private final List<LogEntry> applied = new ArrayList<>();
    private int[] leaderOfTerm = new int[16];
    private final long[] seenCommit;
    private final long[] seenApplied;
    private final long[] seenTerm; // the highest term each server has had, in any life
    private final boolean structuralChecks;
    private long step;
    private Violation violation;
    private Violation structuralViolation;

    /**
     * Checks the servers {@code servers[1..]} ({@code servers[0]} is unused). Without
     * {@code structuralChecks}, a broken safety property of the servers' state is only noted (see
     * {@link #structuralViolation}) and the run goes on, failing only on what clients can see
     * (their history, liveness) or on the core throwing.
     */
    Invariants(SimServer[] servers, boolean structuralChecks) {
        this.servers = servers;
        this.structuralChecks = structuralChecks;
        this.quorum = (servers.length - 1) / 2 + 1;
        this.seenCommit = new long[servers.length];
        this.seenApplied = new long[servers.length];
        this.seenTerm = new long[servers.length];
    }

    /** The first violation, or null. */
    Violation violation() {
        return violation;
    }

    /** The events applied so far, to date a violation. */
    void atStep(long step) {
        this.step = step;
    }

    /** The first violation of a safety property of the servers' state, stopping the run or not. */
    Violation structuralViolation() {
        return structuralViolation;
    }

    /** Reports a violation, found here or elsewhere (liveness, the clients' history, the core throwing). */
    void fail(String invariant, String detail) {
        boolean structural = !invariant.equals(LIVENESS) && !invariant.equals(LINEARIZABILITY) && !invariant.equals(CORE_FAILURE);
        if (structural && structuralViolation == null) {
            structuralViolation = new Violation(invariant, step, detail);
        }
        if (structural && !structuralChecks) {
            return;
        }
        if (violation == null) {
            violation = new Violation(invariant, step, detail);
        }
    }

    // ---------------------------------------------------------------- as the disks change

    @Override
    public void appended(int node, long index, long prevTerm, LogEntry entry) {
        // Log Matching, by induction: if every (index, term) ever stored names one entry and one
        // term before it, then two logs that share an (index, term) share everything up to it.
        long key = index << 32 | entry.term();
        Seen before = seen.putIfAbsent(key, new Seen(node, entry, prevTerm));
        if (before != null && (before.prevTerm != prevTerm || !before.entry.equals(entry))) {
            fail(RaftInvariants.LOG_MATCHING, "n" + node + " stores " + entry + " at index " + index + " after term " + prevTerm
                    + ", but n" + before.node + " stored " + before.entry + " there after term " + before.prevTerm);
        }
    }

    @Override
    public void synced(int node, long from) {
        for (long index = from; index <= committed.size(); index++) {
            Committed entry = committed.get((int) index - 1);
            boolean holds = servers[node].disk.holdsDurably(index, entry.entry);
            entry.holders = holds ? entry.holders | 1 << node : entry.holders & ~(1 << node);
            checkHeldByQuorum(index, entry, "n" + node + " synced a log without it");
        }
    }

    // ---------------------------------------------------------------- as the nodes act

    /** Node {@code server} flushed: it wrote and synced what {@code ready} asked and sent its messages. */
    void flushed(SimServer server, List<Applied> newlyApplied) {
        RaftNode node = server.node;
        int id = server.id;
        checkTerm(id, node.term());
        if (node.role() == Role.LEADER) {
            becameOrIsLeader(node);
        }
        checkCommit(server, node, newlyApplied);
        checkApplied(id, node, newlyApplied);
        checkMatchIndexes(server);
    }

    /** Node {@code server} crashed: what its leader believes it holds must still be on its disk. */
    void crashed(SimServer server) {
        checkMatchIndexes(server);
        checkTerm(server.id, server.disk.durableTermVote().term()); // a server that is down has its disk's term
    }

    /** Node {@code server} restarted: a new life, whose commit and applied indexes start again from 0. */
    void restarted(SimServer server) {
        seenCommit[server.id] = 0;
        seenApplied[server.id] = 0;
        checkTerm(server.id, server.node.term());
    }

    /** §5.1: the term is durable, so it never goes back, not even across a crash. */
    private void checkTerm(int id, long term) {
        if (term < seenTerm[id]) {
            fail(RaftInvariants.TERMS_NEVER_GO_BACK, "n" + id + "'s term went from " + seenTerm[id] + " back to " + term);
        }
        seenTerm[id] = Math.max(seenTerm[id], term);
    }

    private void becameOrIsLeader(RaftNode node) {
        int term = (int) node.term();
        if (term >= leaderOfTerm.length) {
            leaderOfTerm = Arrays.copyOf(leaderOfTerm, Math.max(term + 1, leaderOfTerm.length * 2));
        }
        int known = leaderOfTerm[term];
        if (known == node.id()) {
            return;
        }
        if (known != RaftNode.NONE) {
            fail(RaftInvariants.ELECTION_SAFETY, "n" + known + " and n" + node.id() + " both lead term " + term);
            return;
        }
        leaderOfTerm[term] = node.id();
        // Leader Completeness: a leader holds every entry committed in an earlier term.
        for (int index = 1; index <= committed.size(); index++) {
            Committed entry = committed.get(index - 1);
            if (entry.term < term && !holds(node, index, entry.entry)) {
                fail(RaftInvariants.LEADER_COMPLETENESS, "n" + node.id() + " leads term " + term + " without entry " + index + " ("
                        + entry.entry + "), committed in term " + entry.term + "; its log is " + node.log());
                return;
            }
        }
    }

    private void checkCommit(SimServer server, RaftNode node, List<Applied> newlyApplied) {
        int id = server.id;
        long commit = node.commitIndex();
        if (commit < seenCommit[id]) {
            fail(RaftInvariants.COMMIT_NEVER_GOES_BACK, "n" + id + "'s commit index went from " + seenCommit[id] + " back to " + commit);
            return;
        }
        if (commit > node.log().lastIndex()) {
            fail(RaftInvariants.COMMITTED_NEVER_LOST, "n" + id + " has committed up to " + commit + " but its log now ends at "
                    + node.log().lastIndex() + ": committed entries were deleted");
            return;
        }
        for (long index = seenCommit[id] + 1; index <= commit; index++) {
            LogEntry entry = index >= node.log().firstIndex() ? node.log().entry(index) : appliedAt(newlyApplied, index);
            if (entry == null) {
                // In a snapshot it was given, or took in an earlier life: committed state, known here already.
                if (index > committed.size()) {
                    fail(RaftInvariants.COMMITTED_NEVER_LOST, "n" + id + " holds a snapshot up to " + (node.log().firstIndex() - 1)
                            + ", past index " + index + ", which no server committed");
                    return;
                }
                continue;
            }
            if (index <= committed.size()) {
                LogEntry first = committed.get((int) index - 1).entry;
                if (!first.equals(entry)) {
                    fail(RaftInvariants.COMMITTED_NEVER_LOST, "index " + index + " was committed holding " + first + ", but n" + id
                            + " commits " + entry + " there");
                    return;
                }
                continue;
            }
            var fresh = new Committed(entry, node.term());
            committed.add(fresh);
            for (int other = 1; other < servers.length; other++) {
                if (servers[other].disk.holdsDurably(index, entry)) {
                    fresh.holders |= 1 << other;
                }
            }
            checkHeldByQuorum(index, fresh, "n" + id + " commits it");
            // Leader Completeness, the other way round: leaders of later terms already hold it.
            for (int other = 1; other < servers.length; other++) {
                RaftNode peer = servers[other].node;
                if (servers[other].up && peer.role() == Role.LEADER && peer.term() > fresh.term && !holds(peer, index, entry)) {
                    fail(RaftInvariants.LEADER_COMPLETENESS, "n" + id + " commits " + entry + " at " + index + " in term " + fresh.term
                            + ", but n" + other + ", leader of term " + peer.term() + ", does not hold it: " + peer.log());
                    return;
                }
            }
        }
        seenCommit[id] = commit;
    }

    private void checkApplied(int id, RaftNode node, List<Applied> newlyApplied) {
        if (node.lastApplied() < seenApplied[id]) {
            fail(RaftInvariants.COMMIT_NEVER_GOES_BACK, "n" + id + "'s last applied index went from " + seenApplied[id] + " back to " + node.lastApplied());
            return;
        }
        seenApplied[id] = node.lastApplied();
        for (Applied entry : newlyApplied) {
            int index = (int) entry.index();
            if (index <= applied.size()) {
                LogEntry first = applied.get(index - 1);
                if (!first.equals(entry.entry())) {
                    fail(RaftInvariants.STATE_MACHINE_SAFETY, "n" + id + " applies " + entry.entry() + " at index " + index
                            + ", where " + first + " was applied before");
                    return;
                }
            } else if (index == applied.size() + 1) {
                applied.add(entry.entry());
            } else {
                fail(RaftInvariants.STATE_MACHINE_SAFETY, "n" + id + " applies index " + index + " before index " + (applied.size() + 1));
                return;
            }
        }
    }

    /** The entry applied at {@code index} in {@code applied} (committed and compacted in one flush), or null. */
    private static LogEntry appliedAt(List<Applied> applied, long index) {
        if (applied.isEmpty() || index < applied.get(0).index() || index > applied.get(applied.size() - 1).index()) {
            return null;
        }
        return applied.get((int) (index - applied.get(0).index())).entry();
    }

    /** A leader's matchIndex for a follower in its term must not exceed what that follower holds. */
    private void checkMatchIndexes(SimServer server) {
        RaftNode node = server.node;
        if (server.up && node.role() == Role.LEADER) {
            for (Map.Entry<Integer, Progress> follower : node.progress().entrySet()) {
                checkMatch(node, servers[follower.getKey()], follower.getValue().matchIndex());
            }
            return;
        }
        long term = server.term();
        int leaderId = term < leaderOfTerm.length ? leaderOfTerm[(int) term] : RaftNode.NONE;
        if (leaderId != RaftNode.NONE && leaderId != server.id) {
            SimServer leader = servers[leaderId];
            if (leader.up && leader.node.role() == Role.LEADER && leader.node.term() == term) {
                Progress progress = leader.node.progress().get(server.id);
                checkMatch(leader.node, server, progress.matchIndex());
            }
        }
    }

    private void checkMatch(RaftNode leader, SimServer follower, long match) {
        if (match == 0 || follower.term() != leader.term()) {
            return; // a follower that moved to a later term may rightly have dropped what it matched
        }
        SimDisk disk = follower.disk;
        if (match <= Math.max(disk.snapshot().index(), leader.log().firstIndex() - 1)) {
            return; // in a snapshot on either side: committed, and held by both
        }
        if (disk.lastIndex() < match || disk.termAt(match) != leader.log().termAt(match)) {
            fail(RaftInvariants.MATCH_INDEX, "n" + leader.id() + ", leader of term " + leader.term() + ", counts n" + follower.id
                    + " as matching up to " + match + ", but n" + follower.id + " holds "
                    + (disk.lastIndex() < match ? "only " + disk.lastIndex() + " entries" : "term " + disk.termAt(match) + " there"));
        }
    }

    private void checkHeldByQuorum(long index, Committed entry, String why) {
        int count = Integer.bitCount(entry.holders);
        if (count < quorum) {
            fail(RaftInvariants.COMMITTED_NEVER_LOST, "committed entry " + index + " (" + entry.entry + ") is on the disk of only "
                    + count + " of " + (servers.length - 1) + " servers after " + why + "; a crash can lose it");
        }
    }

    /** True when {@code node} holds {@code entry} at {@code index}: in its log, or in its snapshot (which holds only committed entries). */
    private static boolean holds(RaftNode node, long index, LogEntry entry) {
        if (index <= node.snapshot().index()) {
            return true;
        }
        return node.log().lastIndex() >= index && index >= node.log().firstIndex() && node.log().entry(index).equals(entry);
    }
}
