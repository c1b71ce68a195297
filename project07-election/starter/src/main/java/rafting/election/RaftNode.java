package rafting.election;

import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import rafting.consensus.Membership;
import rafting.log.LogStorage;
import rafting.log.RaftLog;
import rafting.replication.Message;
import rafting.replication.Progress;

/**
 * One Raft server: the complete core, deterministic and single-threaded. It does no I/O and
 * reads no clock (the rules of {@code CoreIsPureTest}: see the README). Four inputs drive it:
 * {@link #receive(Message)} a message from a peer, {@link #tick()} one tick of logical time,
 * {@link #propose(byte[])} a client's command, and (Part 7) {@link #readIndex(long)} a client's
 * read. Everything it wants done comes out of {@link #ready()} as data.
 *
 * <p>It composes the earlier projects: a {@link RaftLog} (Project 4), Project 5's
 * {@code Follower.append} to answer an {@code AppendEntries} and a {@code Leader} (one
 * {@link Progress} per follower) while leading, and Project 6's {@code CommitRule} to move the
 * commit index. It keeps its log in memory (a copy of what its driver recovered) and never runs
 * the state machine: its driver applies the committed entries that {@link Ready} lists.
 *
 * <h2>The contract with the driver (Part 4)</h2>
 *
 * {@link #ready()} says what to write, sync, send and apply, in the order {@link Ready} lists;
 * the driver does it and then calls {@link #advance(Ready)}. No input between the two. A leader's
 * AppendEntries may leave before its own sync (thesis §10.2.1) because the leader counts its own
 * log in a majority only up to the index the driver said is durable. After a crash, the node is
 * rebuilt from what is durable: it starts as a follower with a commit index of 0, and its driver
 * applies the log again to a fresh state machine as the node learns the commit index again.
 *
 * <p>Each role change is one short private method of yours ({@code becomeFollower},
 * {@code becomePreCandidate}, {@code becomeCandidate}, {@code becomeLeader}) that logs one line
 * through {@code System.Logger}: {@code n2 became leader at term 3}.
 */
public final class RaftNode {

    /** No server: no vote yet, or no known leader. Servers are numbered from 1. Given. */
    public static final int NONE = 0;

    /** The highest term a message may carry: 2^53. Part 2: {@link #receive} ignores, with a warning, any message above it. Given. */
    public static final long MAX_TERM = 1L << 53;

    /**
     * Part 2: server {@code id} of {@code cluster}, (re)starting from its durable state: the log
     * its driver keeps in {@code durableLog} (the node takes a copy in memory and never writes to
     * {@code durableLog}; every entry in it counts as durable) and the last {@code termVote}
     * synced. It starts as a follower of nobody, commit index 0, its election timer reset (a
     * timeout drawn from {@code random}).
     *
     * @throws IllegalArgumentException {@code "server <id> is not a member of <cluster>"} (for
     *     example {@code server 4 is not a member of [1, 2, 3]}); when {@code termVote} is a vote
     *     for a server not in {@code cluster}. A log whose last term is above
     *     {@code termVote.term()} is no error: the node starts at that term with no vote, and its
     *     first {@code ready()} carries that term/vote to be saved
     * @throws NullPointerException when {@code settings} or {@code random} is null
     */
    public RaftNode(int id, Membership cluster, Settings settings, LogStorage durableLog, TermVote termVote,
            RandomGenerator random) {
        throw new UnsupportedOperationException("Part 2: check the durable state, keep it, reset the election timer");
    }

    /**
     * Part 8 (Project 11): the same, restarting from a {@code snapshot} too ({@link Snapshot#NONE}
     * for none, as the other constructor does). A log that starts after the snapshot's index is an
     * {@link IllegalArgumentException}; a log that still holds entries up to it is compacted to it
     * ({@code RaftLog.installSnapshot}), so the next {@code ready()} deletes a stored tail that
     * conflicts with it. The commit index and {@code lastApplied} start at the snapshot's index.
     */
    public RaftNode(int id, Membership cluster, Settings settings, Snapshot snapshot, LogStorage durableLog,
            TermVote termVote, RandomGenerator random) {
        throw new UnsupportedOperationException("Part 8: start from a snapshot and the log after it");
    }

    /**
     * Part 8 (Project 11): the driver stored {@code taken}, a snapshot of the state machine after
     * every entry up to its index: the log forgets those entries (§7). The snapshot ends after the
     * current one, at or before {@code lastApplied()}, on an entry of its term; anything else is
     * an {@link IllegalArgumentException} whose message contains {@code its snapshot ends at N}.
     * Between {@code ready()} and {@code advance}, an {@link IllegalStateException}.
     *
     * <p>Then, as a leader: a follower that needs compacted entries ({@code Leader.needsSnapshot})
     * gets the snapshot in {@link rafting.replication.InstallSnapshot} chunks of
     * {@code settings().snapshots().chunkBytes()}, one in flight at a time, the next one as soon as
     * it answers, the one in flight again at each heartbeat; a new snapshot starts it over at byte
     * 0; an answer {@code installed} calls {@code Leader.snapshotInstalled}. As a follower: chunks
     * are gathered in order (a chunk at another byte than the next is left out, and the answer
     * names the byte expected), a snapshot whose index is committed already is answered
     * {@code installed} at once, and the last chunk installs it: {@code RaftLog.installSnapshot},
     * commit index and applied up to its index, the snapshot in the next {@link Ready#snapshot()},
     * the answer sent after the sync. With {@link Flaw#KEEP_LOG_ON_SNAPSHOT}, a follower whose log
     * reaches the snapshot's index keeps its log and commits up to there instead.
     */
    public void compact(Snapshot taken) {
        throw new UnsupportedOperationException("Part 8: compact the log behind a snapshot");
    }

    /** Part 8 (Project 11): the latest snapshot: taken, received, or restarted from ({@link Snapshot#NONE} if none). */
    public Snapshot snapshot() {
        throw new UnsupportedOperationException("Part 8: the latest snapshot");
    }

    /**
     * Part 4: a copy of this node that goes on apart from it: the same state, log, progress and
     * outputs not yet handed out (copy the log's entries and each follower's progress:
     * {@code Leader.copyOver}), with its election timeouts drawn from {@code random} from now on.
     * It reacts to every input exactly as this node would when {@code random} draws alike, which
     * is certain when {@code electionTicksMin == electionTicksMax}. Project 9's explorer keeps
     * one node per state and steps copies of it.
     */
    public RaftNode copy(RandomGenerator random) {
        throw new UnsupportedOperationException("Part 4: copy the node");
    }

    /**
     * Part 2: a new server {@code id} of {@code cluster}: an empty log ({@code new MemoryLogStorage()})
     * and {@link TermVote#INITIAL}.
     */
    public static RaftNode create(int id, Membership cluster, Settings settings, RandomGenerator random) {
        throw new UnsupportedOperationException("Part 2: a fresh node with an empty log in memory");
    }

    // ---------------------------------------------------------------- inputs

    /**
     * One tick of logical time.
     *
     * <ul>
     *   <li>Part 2: a follower or candidate counts one tick towards its election timeout; when
     *       {@link #electionElapsed()} reaches {@link #electionTimeout()}, it starts an election
     *       (§5.2): term + 1, a vote for itself, the timer reset with a newly drawn timeout, a
     *       {@code RequestVote(id, peer, term, lastLogIndex, lastLogTerm, false)} to every other
     *       server in the order of {@code cluster.others(id)}. A cluster of one elects itself at once.</li>
     *   <li>Part 3: a leader sends a heartbeat ({@code Leader.heartbeat}) every
     *       {@link Settings#heartbeatTicks()} ticks.</li>
     *   <li>Part 5: with pre-vote on, an election starts as a pre-vote; with check-quorum on, a
     *       leader checks every {@link Settings#electionTicksMin()} ticks that it heard from a
     *       majority (itself included) since the last check, and steps down if not.</li>
     * </ul>
     */
    public void tick() {
        throw new UnsupportedOperationException("Part 2: count towards the election timeout (Part 3: heartbeats)");
    }

    /**
     * Part 2: a client's command. A leader appends it at the end of its log (a cluster of one
     * commits it once its driver has made it durable) and returns {@link Proposal#accepted}{@code (index, term, id)}; the
     * entries go out with the next {@link #ready()}, in batches of at most
     * {@link Settings#maxBatch()}. Any other server returns {@link Proposal#notLeader}{@code (leaderId())}.
     *
     * @throws IllegalArgumentException for an empty command (an empty command is the leader's
     *     no-op); the message contains {@code no-op}
     */
    public Proposal propose(byte[] command) {
        throw new UnsupportedOperationException("Part 2: a leader appends the command; others name the leader");
    }

    /** Part 2: a client's text command, as UTF-8 bytes: the same as {@link #propose(byte[])}. */
    public Proposal propose(String command) {
        throw new UnsupportedOperationException("Part 2: propose the command's UTF-8 bytes");
    }

    /**
     * Part 7: a client's read, answered without a log entry (thesis §6.4). Any server that is not
     * the leader takes nothing and returns {@link Proposal#notLeader}{@code (leaderId())}. A leader
     * takes it at a read index: its commit index, or while no entry of its own term is committed,
     * the index of its no-op; it returns {@link Proposal#accepted}{@code (readIndex, term, id)}.
     * The read then waits for a round: the first read since the last {@link #ready()} starts one
     * ({@code Leader.startRound}), later reads before the next ready join it, and that ready adds
     * a {@code Leader.heartbeat} whose requests carry the round. Once a majority, this leader
     * included, has answered that round or a later one ({@code Progress.ackedRound}) and the read
     * index is committed, the next ready lists {@code readId} in {@link Ready#reads()}, reads in
     * the order taken. If the node stops leading first, every read it holds is listed once in
     * {@link Ready#readsRefused()}. With {@link Flaw#READ_WITHOUT_CONFIRMING_LEADERSHIP}, a read
     * needs no round: only its index committed.
     */
    public Proposal readIndex(long readId) {
        throw new UnsupportedOperationException("Part 7: a read at the read index, confirmed by a round");
    }

    /**
     * Part 2: a message from a peer. A message to another server, or from a server outside the
     * membership, is ignored (nothing changes, nothing is sent). Then, in this order (§5.1):
     *
     * <ul>
     *   <li>a message of a lower term: a request ({@code AppendEntries}, {@code RequestVote}) is
     *       refused with this node's term ({@code AppendEntriesResponse.refusal(id, from, term,
     *       lastLogIndex + 1)}, or a {@code RequestVoteResponse} not granted, with the request's
     *       {@code preVote}); an answer is ignored;</li>
     *   <li>a message of a higher term (but not a pre-vote request, nor a granted pre-vote answer):
     *       adopt the term, forget the vote, become a follower (of the sender if it is an
     *       {@code AppendEntries}, else of nobody), <em>then</em> handle the message. Part 5: with
     *       check-quorum on, a {@code RequestVote} of a higher term is ignored while the leader was
     *       heard from within {@link Settings#electionTicksMin()} ticks;</li>
     *   <li>{@code RequestVote}: grant if not yet voted for another in this term and the
     *       candidate's log is up to date ({@code RaftLog.isUpToDate}, §5.4.1); a grant resets the
     *       election timer; answer {@code RequestVoteResponse(id, from, term, granted, false)};</li>
     *   <li>{@code RequestVoteResponse}: a candidate counts each granted vote of its own term once,
     *       and leads with a majority ({@code Membership.isQuorum});</li>
     *   <li>{@code AppendEntries}: a candidate of that term steps down and follows the sender; a
     *       follower resets its election timer, answers with Project 5's {@code Follower.append} and,
     *       on success, commits up to {@code CommitRule.followerCommit}; a leader ignores another
     *       leader of its own term; Part 3: a follower throws an {@link IllegalStateException}
     *       ({@code ... would delete entry N, committed here ...}) at a request that would delete an
     *       entry it has committed (no leader sends one), unless a {@link Flaw} is on (its damage
     *       must show);</li>
     *   <li>Part 3: {@code AppendEntriesResponse}: a leader hands it to its {@code Leader} and moves
     *       its commit index with {@code CommitRule.leaderCommit} (§5.4.2).</li>
     *   <li>Part 5: a pre-vote {@code RequestVote} (thesis §9.6) is granted when its term is above
     *       this node's, the candidate's log is up to date, and no leader was heard from within
     *       {@link Settings#electionTicksMin()} ticks; the answer is
     *       {@code RequestVoteResponse(id, from, granted ? request's term : own term, granted, true)},
     *       and neither term nor vote changes. A pre-candidate counts granted pre-votes of
     *       {@code term + 1} and, with a majority, becomes a candidate.</li>
     * </ul>
     *
     * A new leader (§8) builds a {@code Leader} over its log, appends {@code LogEntry.noop(term)},
     * sends it to everyone at once ({@code Leader.heartbeat}) and commits what it can.
     */
    public void receive(Message message) {
        throw new UnsupportedOperationException("Part 2: the term rules first, then each kind of message");
    }

    // ---------------------------------------------------------------- output

    /**
     * Part 2: everything to write, sync, send and apply since the last call, then forgets it. A
     * leader with new proposals first adds its {@code Leader.replicate} requests. {@code termVote}
     * is set when the term or vote changed; {@code writeFrom} is the lowest index of the log that
     * changed (appended or truncated) since the last ready, 0 if none, and {@code entries} the
     * log from there to its end; while the node leads, its AppendEntries go in {@code sendNow}, every
     * other message in {@code sendAfterSync}, each in the order made; {@code committed} holds the
     * entries committed since the last ready, up to {@code commitIndex}. An empty ready needs no
     * {@link #advance}; after a non-empty one, calling {@code ready()} again before
     * {@code advance} is an IllegalStateException whose message contains {@code advance}. (Part 7
     * adds the reads: see {@link #readIndex(long)}.)
     */
    public Ready ready() {
        throw new UnsupportedOperationException("Part 2: hand out the term/vote, the log's changes, the messages and the committed entries");
    }

    /**
     * Part 2: the driver did all that {@code done}, the last non-empty {@link #ready()}, asked.
     * The durable index becomes the last index {@code done} wrote (unless an input since changed
     * the log below it); the last applied index becomes {@code done.commitIndex()}. A leader then
     * moves its commit index (Part 3: it counts itself up to its durable index). An empty
     * {@code done} with nothing awaited is ignored; anything else but the last ready is an
     * IllegalStateException.
     */
    public void advance(Ready done) {
        throw new UnsupportedOperationException("Part 2: take what the driver did");
    }

    // ---------------------------------------------------------------- state, read-only

    /** Part 2: this server's id. */
    public int id() {
        throw new UnsupportedOperationException("Part 2: the id");
    }

    /** Part 2: its role. */
    public Role role() {
        throw new UnsupportedOperationException("Part 2: the role");
    }

    /** Part 2: its current term. */
    public long term() {
        throw new UnsupportedOperationException("Part 2: the current term");
    }

    /** Part 2: whom it voted for in its current term, or {@link #NONE}. */
    public int votedFor() {
        throw new UnsupportedOperationException("Part 2: the vote of this term");
    }

    /** Part 2: the leader this node follows at its term, itself when leading, or {@link #NONE}. */
    public int leaderId() {
        throw new UnsupportedOperationException("Part 2: the known leader");
    }

    /** Part 2: the highest index known to be committed. */
    public long commitIndex() {
        throw new UnsupportedOperationException("Part 2: the commit index");
    }

    /** Part 2: the highest index the driver said it applied ({@link #advance}). */
    public long lastApplied() {
        throw new UnsupportedOperationException("Part 2: the last applied index");
    }

    /** Part 2: the last index of the log the driver said is durable: the recovered log's end at first. */
    public long durableIndex() {
        throw new UnsupportedOperationException("Part 2: the durable index");
    }

    /** Part 2: the current term and vote, as the driver must keep them. */
    public TermVote termVote() {
        throw new UnsupportedOperationException("Part 2: the current term and vote");
    }

    /** Part 2: the node's log. Read it; only the node changes it. */
    public RaftLog log() {
        throw new UnsupportedOperationException("Part 2: the log");
    }

    /** Part 2: the membership it was built with. */
    public Membership membership() {
        throw new UnsupportedOperationException("Part 2: the membership");
    }

    /** Part 2: the settings it was built with. */
    public Settings settings() {
        throw new UnsupportedOperationException("Part 2: the settings");
    }

    /** Part 3: while leading, each follower's progress by id, read-only ({@code Leader.progress()}); otherwise empty. */
    public Map<Integer, Progress> progress() {
        throw new UnsupportedOperationException("Part 3: each follower's progress while leading");
    }

    /** Part 2: the votes counted in the current (pre-)election, this node's own included, read-only. */
    public Set<Integer> votes() {
        throw new UnsupportedOperationException("Part 2: the votes counted");
    }

    /**
     * Part 2: ticks since the election timer was last reset (for a leader: since its last
     * check-quorum). It is reset to 0 on every role change, on every granted vote and on every
     * {@code AppendEntries} of the current leader.
     */
    public int electionElapsed() {
        throw new UnsupportedOperationException("Part 2: ticks since the election timer's reset");
    }

    /**
     * Part 2: the number of quiet ticks after which this node starts an election: drawn again at
     * every reset, uniformly from {@code electionTicksMin..electionTicksMax} (both included) with
     * the node's {@code random}.
     */
    public int electionTimeout() {
        throw new UnsupportedOperationException("Part 2: the current randomized election timeout");
    }

    /** Part 3: a leader's ticks since its last heartbeat (0 when it becomes leader). */
    public int heartbeatElapsed() {
        throw new UnsupportedOperationException("Part 3: ticks since the last heartbeat");
    }

    /**
     * Part 4: everything that decides how this node reacts next, as a {@link NodeKey}: its
     * {@link #state()}, {@code log.entries()}, {@code log.firstIndex()}, {@link #votes()}, the
     * servers heard from since the last check-quorum, {@link #progress()} as a
     * {@link NodeKey.Follower} per follower id, and the three timers.
     */
    public NodeKey key() {
        throw new UnsupportedOperationException("Part 4: gather the node's state into a NodeKey");
    }

    /** Part 2: the state a status report shows, as a {@link NodeState}. */
    public NodeState state() {
        throw new UnsupportedOperationException("Part 2: the NodeState of this node");
    }

    /** Part 2: the same as {@code state().toString()}. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 2: state().toString()");
    }
}
