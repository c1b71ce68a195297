package rafting.election;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import rafting.consensus.CommitRule;
import rafting.consensus.Membership;
import rafting.log.LogEntry;
import rafting.log.LogStorage;
import rafting.log.MemoryLogStorage;
import rafting.log.RaftLog;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.Follower;
import rafting.replication.InstallSnapshot;
import rafting.replication.InstallSnapshotResponse;
import rafting.replication.Leader;
import rafting.replication.Message;
import rafting.replication.Progress;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/**
 * One Raft server: the complete core, deterministic and single-threaded. It does no I/O and
 * reads no clock. Four inputs drive it: {@link #receive(Message)} a message from a peer,
 * {@link #tick()} one tick of logical time, {@link #propose(byte[])} a client's command, and
 * {@link #readIndex(long)} a client's read. Everything it wants done comes out of
 * {@link #ready()} as data.
 *
 * <h2>The contract with the driver</h2>
 *
 * The node never writes storage and never runs the state machine: {@link #ready()} says what to
 * write, sync, send and apply, in an order that the driver must keep ({@link Ready} lists it), and
 * {@link #advance(Ready)} tells the node that it was done. Then:
 *
 * <ul>
 *   <li>a vote, an AppendEntries success and a client's reply never leave before the state they
 *       promise is durable;</li>
 *   <li>a leader's AppendEntries may leave before its own log is durable, so that the leader
 *       writes its log in parallel with its followers (thesis §10.2.1): the leader counts its own
 *       log in a majority only up to the index the driver said is durable;</li>
 *   <li>one sync covers every input given since the last {@code ready()} (group commit).</li>
 * </ul>
 *
 * Give the node no input between {@code ready()} and {@code advance(...)}. {@link Driver} keeps
 * this contract; write your own only to learn how. A write that fails must stop the node
 * (fail-stop): never go on after a failed {@code fsync}.
 *
 * <p>After a crash, build a new node from what is durable: the snapshot, the log's storage and
 * the last term/vote record synced. It starts as a follower with a commit index at its
 * snapshot's index (0 without one); its driver restores the state machine from the snapshot and
 * applies the log again as the node learns the commit index again.
 *
 * <h2>Snapshots (§7)</h2>
 *
 * The driver takes snapshots of the state machine and tells the node ({@link #compact(Snapshot)}),
 * which discards its log up to there. A leader whose follower needs entries it discarded sends
 * the snapshot in chunks ({@link InstallSnapshot}); a follower that gathered a whole one hands it
 * to its driver in {@link Ready#snapshot()} and keeps the entries after it only when its log
 * holds the snapshot's last entry (Figure 13).
 */
public final class RaftNode {

    /** No server: no vote yet, or no known leader. Servers are numbered from 1. */
    public static final int NONE = 0;

    /**
     * The highest term a message may carry: 2^53, more elections than a cluster holds in millions
     * of years. A message above it is forged or corrupt; taking its term would leave no room to
     * count up (a term of 2^63 - 1 cannot grow) and would be saved for good.
     */
    public static final long MAX_TERM = 1L << 53;

    private static final System.Logger LOG = System.getLogger(RaftNode.class.getName());

    private final int id;
    private final Membership cluster;
    private final Settings settings;
    private final WorkingLog working;
    private final RaftLog log;
    private final RandomGenerator random;

    // Persistent state (Figure 2): written through ready() before anything depends on it.
    private long term;
    private int votedFor;

    // Volatile state.
    private Role role = Role.FOLLOWER;
    private int leaderId = NONE;
    private long commitIndex;
    private long durableIndex; // the driver said: the log is durable up to here
    private long lastApplied; // the driver said: applied up to here
    private long handedOut; // entries up to here were given to the driver to apply
    private int electionElapsed;
    private int electionTimeout;
    private int heartbeatElapsed;
    private final Set<Integer> votes = new TreeSet<>();
    private final Set<Integer> heardFrom = new TreeSet<>();
    private Leader leader;
    private long termStart; // while leading: the index of this term's first entry, its no-op
    private final List<PendingRead> reads = new ArrayList<>(); // while leading, oldest first
    private boolean roundPending; // a read waits for a round of requests not yet sent
    private Snapshot snapshot; // the latest, durable: the log starts after it
    private SnapshotSender sending = new SnapshotSender(); // while leading
    private SnapshotReceiver receiving = new SnapshotReceiver(); // while following

    // Output, until the next ready().
    private final List<Message> outbox = new ArrayList<>();
    private boolean termVoteChanged;
    private boolean replicatePending;
    private final List<Long> readsRefused = new ArrayList<>();
    private Snapshot toInstall; // a leader's snapshot, gathered whole, for the driver
    private Ready awaitingAdvance;

    /** A read the leader took: it may be answered once {@code round} is confirmed and {@code index} committed. */
    private record PendingRead(long id, long index, long round) {
    }

    /**
     * Server {@code id} of {@code cluster}, restarting from its durable state without a snapshot:
     * see {@link #RaftNode(int, Membership, Settings, Snapshot, LogStorage, TermVote, RandomGenerator)}.
     */
    public RaftNode(int id, Membership cluster, Settings settings, LogStorage durableLog, TermVote termVote,
            RandomGenerator random) {
        this(id, cluster, settings, Snapshot.NONE, durableLog, termVote, random);
    }

    /**
     * Server {@code id} of {@code cluster}, restarting from its durable state: its latest
     * {@code snapshot} ({@link Snapshot#NONE} if none), the log its driver keeps in
     * {@code durableLog} (the node takes a copy and never writes to it) and the last
     * {@code termVote} synced. Election timeouts are drawn from {@code random}. A log that still
     * holds entries up to the snapshot is compacted to it as Figure 13 says, and the next
     * {@link #ready()} tells the driver to delete what conflicted with it, if anything.
     */
    public RaftNode(int id, Membership cluster, Settings settings, Snapshot snapshot, LogStorage durableLog,
            TermVote termVote, RandomGenerator random) {
        if (!cluster.contains(id)) {
            throw new IllegalArgumentException("server " + id + " is not a member of " + cluster);
        }
        if (termVote.votedFor() != NONE && !cluster.contains(termVote.votedFor())) {
            throw new IllegalArgumentException("a vote for " + termVote.votedFor() + ", who is not a member of " + cluster);
        }
        this.working = new WorkingLog(durableLog);
        this.log = new RaftLog(working);
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        if (log.firstIndex() - 1 > snapshot.index()) {
            throw new IllegalArgumentException("the log starts after " + (log.firstIndex() - 1) + " but the " + snapshot
                    + " ends before: the entries between are lost");
        }
        if (snapshot.index() > 0) {
            log.installSnapshot(snapshot.index(), snapshot.term()); // a crash may have come between the two
            this.commitIndex = snapshot.index();
            this.lastApplied = snapshot.index();
            this.handedOut = snapshot.index();
        }
        this.id = id;
        this.cluster = cluster;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
        this.term = termVote.term();
        this.votedFor = termVote.votedFor();
        if (log.lastTerm() > term) {
            // Entries of a later term reached the disk (a sync of the log, or the kernel writing it
            // back) before the record of that term did. Nothing of that term was sent, since
            // sending waits for the record: take the term up, with no vote, and save it first.
            LOG.log(WARNING, () -> "n" + id + " holds entries of term " + log.lastTerm() + ", after its saved term "
                    + termVote.term() + ": it starts at term " + log.lastTerm() + " with no vote");
            this.term = log.lastTerm();
            this.votedFor = NONE;
            this.termVoteChanged = true;
        }
        this.durableIndex = log.lastIndex();
        resetElectionTimer();
    }

    private RaftNode(RaftNode original, RandomGenerator random) {
        this.id = original.id;
        this.cluster = original.cluster;
        this.settings = original.settings;
        this.working = new WorkingLog(original.working);
        this.log = new RaftLog(working);
        this.random = Objects.requireNonNull(random, "random");
        this.term = original.term;
        this.votedFor = original.votedFor;
        this.role = original.role;
        this.leaderId = original.leaderId;
        this.commitIndex = original.commitIndex;
        this.durableIndex = original.durableIndex;
        this.lastApplied = original.lastApplied;
        this.handedOut = original.handedOut;
        this.electionElapsed = original.electionElapsed;
        this.electionTimeout = original.electionTimeout;
        this.heartbeatElapsed = original.heartbeatElapsed;
        this.votes.addAll(original.votes);
        this.heardFrom.addAll(original.heardFrom);
        this.leader = original.leader == null ? null : original.leader.copyOver(log);
        this.termStart = original.termStart;
        this.reads.addAll(original.reads);
        this.roundPending = original.roundPending;
        this.snapshot = original.snapshot;
        this.sending = new SnapshotSender(original.sending);
        this.receiving = new SnapshotReceiver(original.receiving);
        this.toInstall = original.toInstall;
        this.readsRefused.addAll(original.readsRefused);
        this.outbox.addAll(original.outbox);
        this.termVoteChanged = original.termVoteChanged;
        this.replicatePending = original.replicatePending;
        this.awaitingAdvance = original.awaitingAdvance;
    }

    /**
     * A copy of this node that goes on apart from it: the same state, log and outputs not yet
     * handed out, with its election timeouts drawn from {@code random} from now on. The copy
     * reacts to every input exactly as this node would if {@code random} draws as this node's
     * generator would, which is certain when the timeout is fixed
     * ({@code electionTicksMin == electionTicksMax}). For an explorer, which keeps a state and
     * tries every possible next event from it.
     */
    public RaftNode copy(RandomGenerator random) {
        return new RaftNode(this, random);
    }

    /** A new server {@code id} of {@code cluster}: an empty log, term 0, no vote. */
    public static RaftNode create(int id, Membership cluster, Settings settings, RandomGenerator random) {
        return new RaftNode(id, cluster, settings, new MemoryLogStorage(), TermVote.INITIAL, random);
    }

    // ---------------------------------------------------------------- inputs

    /** One tick of logical time: followers and candidates count towards an election, leaders towards a heartbeat. */
    public void tick() {
        electionElapsed++;
        if (role != Role.LEADER) {
            if (electionElapsed >= electionTimeout) {
                // §5.2: if election timeout elapses without hearing from the leader or granting a vote, start an election
                startElection();
            }
            return;
        }
        if (electionElapsed >= settings.electionTicksMin()) {
            electionElapsed = 0;
            heardFrom.add(id);
            // Check-quorum: a leader that has not heard from a majority in an election timeout may
            // be cut off; stepping down lets the rest elect a leader that clients can reach.
            if (settings.checkQuorum() && !cluster.isQuorum(heardFrom)) {
                LOG.log(INFO, () -> "n" + id + " heard from only " + heardFrom + " in " + settings.electionTicksMin() + " ticks");
                becomeFollower(term, NONE);
                return;
            }
            heardFrom.clear();
        }
        if (++heartbeatElapsed >= settings.heartbeatTicks()) {
            heartbeatElapsed = 0;
            // §5.2: leaders send periodic heartbeats to maintain their authority
            outbox.addAll(leader.heartbeat(commitIndex));
            sendSnapshots(true);
        }
    }

    /** A client's command. A leader appends it; any other server says who leads, if it knows. */
    public Proposal propose(byte[] command) {
        if (command.length == 0) {
            throw new IllegalArgumentException("an empty command is the leader's no-op; a client proposes something");
        }
        if (role != Role.LEADER) {
            return Proposal.notLeader(leaderId);
        }
        long index = leader.propose(command);
        replicatePending = true;
        return Proposal.accepted(index, term, id);
    }

    /** A client's text command, as UTF-8. */
    public Proposal propose(String command) {
        return propose(command.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A client's read, answered without a log entry (thesis §6.4). A leader takes it with a read
     * index: its commit index, or while no entry of its own term is committed, the index of its
     * no-op (its commit index may lag behind what earlier leaders committed until then). It then
     * confirms that it still leads with one round of requests, shared by every read taken before
     * the round goes out. Once a majority has answered that round and the read index is
     * committed, a later {@link #ready()} lists {@code readId} in {@link Ready#reads()}: after
     * applying that ready's entries, the state machine has everything the read must see. If the
     * node stops leading first, the read is listed in {@link Ready#readsRefused()} instead. Any
     * other server takes nothing and says who leads, if it knows.
     *
     * @param readId the caller's name for this read, unique among its reads not yet answered
     * @return accepted at the read index, or not leader
     */
    public Proposal readIndex(long readId) {
        if (role != Role.LEADER) {
            return Proposal.notLeader(leaderId);
        }
        long index = Math.max(commitIndex, termStart);
        if (settings.has(Flaw.READ_WITHOUT_CONFIRMING_LEADERSHIP)) {
            reads.add(new PendingRead(readId, index, 0)); // round 0: confirmed from the start
        } else {
            if (!roundPending) {
                leader.startRound();
                roundPending = true;
            }
            reads.add(new PendingRead(readId, index, leader.round()));
        }
        return Proposal.accepted(index, term, id);
    }

    /**
     * The driver took {@code taken}, a snapshot of the state machine after every entry up to its
     * index, and stored it durably: the log forgets those entries (§7), and a follower that needs
     * them gets the snapshot. The snapshot must end at or before {@link #lastApplied()}, after the
     * current one, on an entry of its term.
     */
    public void compact(Snapshot taken) {
        if (awaitingAdvance != null) {
            throw new IllegalStateException("n" + id + ": advance(ready) first: the last ready() was not done");
        }
        if (taken.index() <= snapshot.index() || taken.index() > lastApplied || taken.term() != log.termAt(taken.index())) {
            throw new IllegalArgumentException("n" + id + " cannot compact to " + taken + ": its snapshot ends at "
                    + snapshot.index() + ", it applied up to " + lastApplied + ", and its log holds " + log.firstIndex()
                    + ".." + log.lastIndex());
        }
        log.compact(taken.index());
        snapshot = taken;
        LOG.log(DEBUG, () -> "n" + id + " compacted its log to " + taken);
    }

    /** A message from a peer. Messages to another server, or from a stranger, are ignored. */
    public void receive(Message message) {
        if (message.to() != id || !cluster.contains(message.from())) {
            LOG.log(WARNING, () -> "n" + id + " ignores a message not meant for it: " + message);
            return;
        }
        if (message.term() > MAX_TERM) {
            LOG.log(WARNING, () -> "n" + id + " ignores a message with an absurd term: " + message);
            return;
        }
        if (message.term() < term) {
            answerStale(message);
            return;
        }
        if (message.term() > term && !isPreVote(message)) {
            if (message instanceof RequestVote && settings.checkQuorum() && heardFromLeaderRecently()) {
                // A leader was heard from within the minimum election timeout: this candidate was
                // cut off, not the leader. Ignore it rather than depose a working leader (thesis §4.2.3).
                LOG.log(DEBUG, () -> "n" + id + " ignores " + message + ": its leader is alive");
                return;
            }
            // §5.1: if a message holds a term higher than ours, adopt it and become a follower
            boolean fromLeader = message instanceof AppendEntries || message instanceof InstallSnapshot;
            becomeFollower(message.term(), fromLeader ? message.from() : NONE);
        }
        if (message instanceof AppendEntries request) {
            onAppendEntries(request);
        } else if (message instanceof AppendEntriesResponse response) {
            onAppendEntriesResponse(response);
        } else if (message instanceof InstallSnapshot request) {
            onInstallSnapshot(request);
        } else if (message instanceof InstallSnapshotResponse response) {
            onInstallSnapshotResponse(response);
        } else if (message instanceof RequestVote request) {
            onRequestVote(request);
        } else if (message instanceof RequestVoteResponse response) {
            onVote(response);
        }
    }

    // ---------------------------------------------------------------- output

    /** Everything to write, sync, send and apply since the last call: see the contract above. */
    public Ready ready() {
        if (awaitingAdvance != null) {
            throw new IllegalStateException("n" + id + ": advance(ready) first: the last ready() was not done");
        }
        if (replicatePending && role == Role.LEADER) {
            outbox.addAll(leader.replicate(commitIndex));
        }
        replicatePending = false;
        if (role == Role.LEADER) {
            sendSnapshots(false);
        }
        if (roundPending && role == Role.LEADER) {
            outbox.addAll(leader.heartbeat(commitIndex)); // §6.4: the round that confirms the reads waiting
        }
        roundPending = false;
        long writeFrom = working.takeChanges();
        var entries = new ArrayList<LogEntry>();
        if (writeFrom > 0) {
            durableIndex = Math.min(durableIndex, writeFrom - 1);
            for (long index = writeFrom; index <= log.lastIndex(); index++) {
                entries.add(log.entry(index));
            }
        }
        var sendNow = new ArrayList<Message>();
        var sendAfterSync = new ArrayList<Message>();
        for (Message message : outbox) {
            // §10.2.1 of the thesis: a leader's requests may go out while its own log is being written.
            boolean request = message instanceof AppendEntries || message instanceof InstallSnapshot;
            (role == Role.LEADER && request ? sendNow : sendAfterSync).add(message);
        }
        var committed = new ArrayList<LogEntry>();
        for (long index = handedOut + 1; index <= commitIndex; index++) {
            committed.add(log.entry(index));
        }
        handedOut = commitIndex;
        var ready = new Ready(termVoteChanged ? termVote() : null, writeFrom, entries, sendNow, sendAfterSync,
                commitIndex, committed, answerableReads(), readsRefused, toInstall);
        termVoteChanged = false;
        toInstall = null;
        outbox.clear();
        readsRefused.clear();
        awaitingAdvance = ready.isEmpty() ? null : ready; // an empty ready asks for nothing
        return ready;
    }

    /**
     * The driver did all that {@code done}, the last {@link #ready()}, asked: its log entries are
     * durable and its committed entries applied. A leader may now count its own log up to there.
     */
    public void advance(Ready done) {
        if (done.isEmpty() && awaitingAdvance == null) {
            return;
        }
        if (done != awaitingAdvance) {
            throw new IllegalStateException("n" + id + ": advance takes the last ready(), once");
        }
        awaitingAdvance = null;
        if (done.writesLog()) {
            // What the driver wrote, unless an input since then changed it again.
            durableIndex = Math.min(done.writeFrom() + done.entries().size() - 1, working.unchangedUpTo());
        }
        lastApplied = Math.max(lastApplied, done.commitIndex());
        if (role == Role.LEADER) {
            advanceCommit();
        }
    }

    /** Takes out the reads whose round a majority answered and whose index is committed, oldest first. */
    private List<Long> answerableReads() {
        var answerable = new ArrayList<Long>();
        long confirmed = Long.MIN_VALUE;
        for (var it = reads.iterator(); it.hasNext(); ) {
            PendingRead read = it.next();
            if (read.round() > confirmed && !isConfirmed(read.round())) {
                break; // later reads wait for the same round or a later one
            }
            confirmed = read.round();
            if (read.index() > commitIndex) {
                break; // read indexes grow with the reads: the later ones wait too
            }
            answerable.add(read.id());
            it.remove();
        }
        return answerable;
    }

    /** True when a majority, this leader included, answered requests of {@code round} or later. */
    private boolean isConfirmed(long round) {
        var answered = new TreeSet<Integer>();
        answered.add(id);
        leader.progress().forEach((follower, progress) -> {
            if (progress.ackedRound() >= round) {
                answered.add(follower);
            }
        });
        return cluster.isQuorum(answered);
    }

    // ---------------------------------------------------------------- messages

    /**
     * A request from the leader of our term (AppendEntries or InstallSnapshot): follow it and
     * restart the election timer. False, ignoring it, when this node leads that term itself.
     */
    private boolean followLeaderOf(Message request) {
        if (role == Role.LEADER) {
            // Two leaders in one term: impossible while every rule holds.
            LOG.log(WARNING, () -> "n" + id + ", leader at term " + term + ", ignores another leader: " + request);
            return false;
        }
        if (role != Role.FOLLOWER || leaderId != request.from()) {
            // §5.2: a candidate that hears from a leader of its term steps down
            becomeFollower(term, request.from());
        }
        electionElapsed = 0;
        return true;
    }

    private void onAppendEntries(AppendEntries request) {
        if (!followLeaderOf(request)) {
            return;
        }
        if (settings.has(Flaw.TRUNCATE_ON_MATCHING_APPEND) && request.prevLogIndex() >= log.firstIndex() - 1
                && log.matches(request.prevLogIndex(), request.prevLogTerm())) {
            log.truncateFrom(request.prevLogIndex() + 1);
        }
        // With a flaw on, the node shows the damage it does instead: this defence would turn some
        // of that damage into a stopped node, and the flaws exist to be seen.
        if (settings.flaws().isEmpty()) {
            refuseToDeleteCommitted(request);
        }
        AppendEntriesResponse answer = Follower.append(log, request);
        if (answer.success()) {
            long confirmed = settings.has(Flaw.FOLLOWER_COMMITS_PAST_CONFIRMED) ? log.lastIndex() : answer.matchIndex();
            long commit = settings.has(Flaw.LOWER_COMMIT_INDEX)
                    ? Math.min(request.leaderCommit(), confirmed)
                    : CommitRule.followerCommit(commitIndex, request.leaderCommit(), confirmed);
            commitTo(commit);
        }
        outbox.add(answer);
    }

    /** Figure 13, receiver side: gather the chunks; with the last, take the snapshot. */
    private void onInstallSnapshot(InstallSnapshot request) {
        if (!followLeaderOf(request)) {
            return;
        }
        if (request.lastIncludedIndex() <= commitIndex) {
            // Stale or repeated: every entry it holds is committed here already, so they are the leader's.
            outbox.add(InstallSnapshotResponse.installed(request));
            return;
        }
        Snapshot received = receiving.take(request);
        if (received == null) {
            outbox.add(InstallSnapshotResponse.expecting(request, receiving.nextOffset()));
            return;
        }
        if (settings.has(Flaw.KEEP_LOG_ON_SNAPSHOT) && log.lastIndex() >= received.index()) {
            commitTo(received.index()); // the flaw: its own entries up to there, conflicting or not
        } else {
            // Figure 13, 6 and 7: keep the entries after the snapshot if they follow its last entry, else discard the log
            boolean kept = log.installSnapshot(received.index(), received.term());
            if (!kept) {
                durableIndex = Math.min(durableIndex, received.index());
            }
            snapshot = received;
            toInstall = received;
            commitIndex = received.index();
            handedOut = received.index();
            LOG.log(INFO, () -> "n" + id + " installs n" + request.from() + "'s " + received
                    + (kept ? ", keeping its entries after it" : ""));
        }
        outbox.add(InstallSnapshotResponse.installed(request));
    }

    private void onInstallSnapshotResponse(InstallSnapshotResponse response) {
        if (role != Role.LEADER || response.term() != term) {
            return;
        }
        heardFrom.add(response.from());
        if (!sending.answered(response, snapshot)) {
            return; // more to send: ready() sends the chunk asked for
        }
        Leader.Handled handled = leader.snapshotInstalled(response.from(), response.lastIncludedIndex(), commitIndex);
        outbox.addAll(handled.toSend());
        if (handled.matchGrew()) {
            advanceCommit();
        }
    }

    /** A chunk of the snapshot to each follower that needs it (§7); {@code again} at a heartbeat resends the one in flight. */
    private void sendSnapshots(boolean again) {
        for (int follower : leader.progress().keySet()) {
            if (!leader.needsSnapshot(follower)) {
                sending.forget(follower);
                continue;
            }
            InstallSnapshot chunk = sending.chunk(id, follower, term, snapshot, settings.snapshots().chunkBytes(), again);
            if (chunk != null) {
                outbox.add(chunk);
            }
        }
    }

    /**
     * Throws an {@link IllegalStateException} if {@code request} conflicts with an entry this node
     * has committed: by §5.4 (Leader Completeness) no leader can send that, so it comes from a
     * broken disk or a bug (peers are authenticated), and the node must stop rather than delete
     * it: committed entries are never deleted (Figure 2 deletes only conflicting entries, which a
     * committed one never is). The driver's fail-stop then stops the node with this message.
     */
    private void refuseToDeleteCommitted(AppendEntries request) {
        if (!log.matches(request.prevLogIndex(), request.prevLogTerm())) {
            return; // Follower.append refuses it anyway
        }
        long index = request.prevLogIndex();
        for (LogEntry entry : request.entries()) {
            index++;
            if (index > commitIndex || index > log.lastIndex()) {
                return;
            }
            if (index < log.firstIndex()) {
                continue; // compacted: nothing here to delete
            }
            if (log.termAt(index) != entry.term()) {
                throw new IllegalStateException("n" + id + " stops: " + request + " would delete entry " + index
                        + ", committed here; a leader never asks that, so a disk or a node is broken");
            }
        }
    }

    private void onAppendEntriesResponse(AppendEntriesResponse response) {
        if (role != Role.LEADER) {
            return;
        }
        heardFrom.add(response.from());
        Leader.Handled handled = leader.handle(response, commitIndex);
        outbox.addAll(handled.toSend());
        if (handled.matchGrew()) {
            advanceCommit();
        }
    }

    private void onRequestVote(RequestVote request) {
        boolean upToDate = settings.has(Flaw.IGNORE_UP_TO_DATE_RULE)
                || log.isUpToDate(request.lastLogIndex(), request.lastLogTerm()); // §5.4.1
        if (request.preVote()) {
            // Would we vote at that term? Nobody changes term or vote to answer (thesis §9.6).
            boolean granted = request.term() > term && upToDate && !heardFromLeaderRecently();
            outbox.add(new RequestVoteResponse(id, request.from(), granted ? request.term() : term, granted, true));
            return;
        }
        // §5.2: each server votes for at most one candidate in a given term, first come first served
        boolean free = votedFor == NONE || votedFor == request.from() || settings.has(Flaw.VOTE_TWICE_IN_A_TERM);
        boolean granted = free && upToDate;
        if (granted) {
            votedFor = request.from();
            termVoteChanged = true;
            resetElectionTimer();
        }
        LOG.log(DEBUG, () -> "n" + id + (granted ? " votes for n" : " refuses its vote to n") + request.from() + " at term " + term);
        outbox.add(new RequestVoteResponse(id, request.from(), term, granted, false));
    }

    private void onVote(RequestVoteResponse response) {
        if (!response.granted()) {
            return;
        }
        if (response.preVote()) {
            if (role == Role.PRE_CANDIDATE && response.term() == term + 1) {
                countVote(response.from());
            }
        } else if (role == Role.CANDIDATE) {
            // Only votes of our own term count: a grant from an earlier election is not a vote now.
            if (response.term() == term || settings.has(Flaw.COUNT_VOTES_FROM_OTHER_TERMS)) {
                countVote(response.from());
            }
        }
    }

    /** A message from an older term: tell its sender our term, so a stale leader or candidate steps down. */
    private void answerStale(Message message) {
        if (message instanceof AppendEntries request) {
            outbox.add(AppendEntriesResponse.refusal(id, request.from(), term, log.lastIndex() + 1));
        } else if (message instanceof InstallSnapshot request) {
            outbox.add(new InstallSnapshotResponse(id, request.from(), term, request.lastIncludedIndex(), 0, false));
        } else if (message instanceof RequestVote request) {
            outbox.add(new RequestVoteResponse(id, request.from(), term, false, request.preVote()));
        } else if (message instanceof RequestVoteResponse response && settings.has(Flaw.COUNT_VOTES_FROM_OTHER_TERMS)) {
            onVote(response);
        }
    }

    // ---------------------------------------------------------------- roles

    private void startElection() {
        if (settings.preVote()) {
            becomePreCandidate();
        } else {
            becomeCandidate();
        }
    }

    private void becomeFollower(long newTerm, int newLeader) {
        if (newTerm > term) {
            term = newTerm;
            votedFor = NONE;
            termVoteChanged = true;
        }
        role = Role.FOLLOWER;
        leaderId = newLeader;
        leader = null;
        reads.forEach(read -> readsRefused.add(read.id())); // a follower cannot confirm them
        reads.clear();
        roundPending = false;
        sending = new SnapshotSender();
        votes.clear();
        resetElectionTimer();
        LOG.log(INFO, () -> "n" + id + " became follower at term " + term + (newLeader == NONE ? "" : " of n" + newLeader));
    }

    private void becomePreCandidate() {
        role = Role.PRE_CANDIDATE;
        leaderId = NONE;
        startCounting();
        // DEBUG: while a majority is out of reach, a follower repeats this at every election timeout.
        LOG.log(DEBUG, () -> "n" + id + " became pre-candidate at term " + term);
        askForVotes(term + 1, true);
    }

    private void becomeCandidate() {
        // §5.2: increment currentTerm, vote for self, reset election timer, send RequestVote to all others
        term = Math.addExact(term, 1);
        votedFor = id;
        termVoteChanged = true;
        role = Role.CANDIDATE;
        leaderId = NONE;
        startCounting();
        LOG.log(INFO, () -> "n" + id + " became candidate at term " + term);
        askForVotes(term, false);
    }

    private void becomeLeader() {
        role = Role.LEADER;
        leaderId = id;
        votes.clear();
        heardFrom.clear();
        electionElapsed = 0;
        heartbeatElapsed = 0;
        leader = new Leader(id, term, log, cluster.others(id), settings.maxBatch());
        receiving.clear();
        LOG.log(INFO, () -> "n" + id + " became leader at term " + term);
        // §8: a new leader commits a blank entry of its own term, through which the entries of
        // earlier terms become committed (§5.4.2 forbids committing them by counting replicas).
        termStart = leader.append(LogEntry.noop(term));
        outbox.addAll(leader.heartbeat(commitIndex));
        advanceCommit();
    }

    private void startCounting() {
        leader = null;
        votes.clear();
        resetElectionTimer();
        countVote(id);
    }

    /** Counts {@code voter} once; with a majority, takes the next step. */
    private void countVote(int voter) {
        votes.add(voter);
        if (!cluster.isQuorum(votes)) {
            return;
        }
        if (role == Role.PRE_CANDIDATE) {
            becomeCandidate();
        } else if (role == Role.CANDIDATE) {
            becomeLeader();
        }
    }

    private void askForVotes(long electionTerm, boolean preVote) {
        if (role == Role.LEADER) {
            return; // a cluster of one: our own vote made us leader
        }
        for (int peer : cluster.others(id)) {
            outbox.add(new RequestVote(id, peer, electionTerm, log.lastIndex(), log.lastTerm(), preVote));
        }
    }

    // ---------------------------------------------------------------- commitment

    private void advanceCommit() {
        // The leader's own copy counts only as far as it is durable.
        long ownMatch = Math.min(durableIndex, log.lastIndex());
        long majority = settings.has(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING)
                ? Math.max(commitIndex, CommitRule.replicatedOnQuorum(leader, ownMatch, cluster))
                : CommitRule.leaderCommit(leader, log, ownMatch, cluster, commitIndex);
        if (majority > commitIndex) {
            commitTo(majority);
        }
    }

    private void commitTo(long index) {
        commitIndex = index;
    }

    // ---------------------------------------------------------------- helpers

    private boolean isPreVote(Message message) {
        return message instanceof RequestVote request && request.preVote()
                || message instanceof RequestVoteResponse response && response.preVote() && response.granted();
    }

    /** True while a leader is known to be alive: it was heard from within the minimum election timeout (or it is us). */
    private boolean heardFromLeaderRecently() {
        return leaderId != NONE && electionElapsed < settings.electionTicksMin();
    }

    private void resetElectionTimer() {
        electionElapsed = 0;
        // §5.2: election timeouts are chosen randomly from a fixed interval, so split votes are rare
        electionTimeout = settings.electionTicksMin() + random.nextInt(settings.electionTicksMax() - settings.electionTicksMin() + 1);
    }

    // ---------------------------------------------------------------- state, read-only

    public int id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public long term() {
        return term;
    }

    public int votedFor() {
        return votedFor;
    }

    /** The leader this node follows at its term, itself when leading, or {@link #NONE}. */
    public int leaderId() {
        return leaderId;
    }

    public long commitIndex() {
        return commitIndex;
    }

    /** The last index the driver said it applied. */
    public long lastApplied() {
        return lastApplied;
    }

    /** The latest snapshot: taken by the driver, received from a leader, or restarted from ({@link Snapshot#NONE} if none). */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The last index of the log the driver said is durable. */
    public long durableIndex() {
        return durableIndex;
    }

    /** The current term and vote, as the driver must keep them. */
    public TermVote termVote() {
        return new TermVote(term, votedFor);
    }

    /** The node's log. Read it; only the node changes it. */
    public RaftLog log() {
        return log;
    }

    public Membership membership() {
        return cluster;
    }

    public Settings settings() {
        return settings;
    }

    /** While leading, each follower's progress by id, read-only; otherwise empty. */
    public Map<Integer, Progress> progress() {
        return leader == null ? Map.of() : leader.progress();
    }

    /** The votes counted in the current (pre-)election, this node's own included. */
    public Set<Integer> votes() {
        return Collections.unmodifiableSet(votes);
    }

    /** Ticks since the election timer was last reset (for a leader: since its last check-quorum). */
    public int electionElapsed() {
        return electionElapsed;
    }

    /** The randomized number of quiet ticks after which this node starts an election. */
    public int electionTimeout() {
        return electionTimeout;
    }

    public int heartbeatElapsed() {
        return heartbeatElapsed;
    }

    /** Everything that decides how this node reacts next, as a value: see {@link NodeKey}. */
    public NodeKey key() {
        var progressByFollower = new TreeMap<Integer, NodeKey.Follower>();
        progress().forEach((follower, p) -> progressByFollower.put(follower,
                new NodeKey.Follower(p.nextIndex(), p.matchIndex(), p.probing())));
        return new NodeKey(state(), log.entries(), log.firstIndex(), votes, heardFrom, progressByFollower,
                electionElapsed, electionTimeout, heartbeatElapsed);
    }

    /** The state a status report shows. */
    public NodeState state() {
        return new NodeState(id, role, term, votedFor, leaderId, commitIndex, lastApplied(), log.lastIndex(), log.lastTerm());
    }

    @Override
    public String toString() {
        return state().toString();
    }

    /**
     * The node's own copy of its log, in memory: the storage under its {@link rafting.log.RaftLog}.
     * It remembers the lowest index changed since the last {@link #takeChanges()}, so that
     * {@link Ready} can tell the driver exactly what to write, and the core itself never writes a
     * file.
     */
    private static final class WorkingLog implements LogStorage {

        private static final long UNCHANGED = Long.MAX_VALUE;

        private final MemoryLogStorage entries;
        private long changedFrom = UNCHANGED;

        /** A copy of {@code recovered}: what the driver's storage holds after a restart. */
        WorkingLog(LogStorage recovered) {
            long base = recovered.firstIndex() - 1;
            this.entries = new MemoryLogStorage(base, base == 0 ? 0 : recovered.baseTerm());
            for (long index = recovered.firstIndex(); index <= recovered.lastIndex(); index++) {
                entries.append(List.of(recovered.get(index)));
            }
        }

        @Override
        public long firstIndex() {
            return entries.firstIndex();
        }

        @Override
        public long lastIndex() {
            return entries.lastIndex();
        }

        @Override
        public long baseTerm() {
            return entries.baseTerm();
        }

        @Override
        public LogEntry get(long index) {
            return entries.get(index);
        }

        @Override
        public void append(List<LogEntry> more) {
            changedFrom = Math.min(changedFrom, lastIndex() + 1);
            entries.append(more);
        }

        @Override
        public void truncateFrom(long index) {
            entries.truncateFrom(index);
            changedFrom = Math.min(changedFrom, index);
        }

        @Override
        public void compactTo(long index, long term) {
            entries.compactTo(index, term);
        }

        /** A copy of {@code other}, remembering the same changes. */
        WorkingLog(WorkingLog other) {
            this((LogStorage) other);
            this.changedFrom = other.changedFrom;
        }

        /** The last index that did not change since the last {@link #takeChanges()}. */
        long unchangedUpTo() {
            return changedFrom == UNCHANGED ? lastIndex() : changedFrom - 1;
        }

        /** The index from which the log changed since the last call (0 when it did not), and forgets it. */
        long takeChanges() {
            // Changes behind the base are the snapshot's business: the driver stores it whole.
            long from = changedFrom == UNCHANGED ? 0 : Math.max(changedFrom, firstIndex());
            changedFrom = UNCHANGED;
            return from;
        }
    }
}
