package rafting.election;

import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import rafting.consensus.Membership;
import rafting.consensus.StateMachine;
import rafting.log.RaftLog;
import rafting.replication.Message;
import rafting.replication.Progress;

/**
 * One Raft server: the complete core, deterministic and single-threaded. It does no I/O and
 * reads no clock (the rules of {@code CoreIsPureTest}: see the README). Three inputs drive it:
 * {@link #receive(Message)} a message from a peer, {@link #tick()} one tick of logical time, and
 * {@link #propose(byte[])} a client's command. Everything it wants done comes out of
 * {@link #ready()} as data.
 *
 * <p>It composes the earlier projects: a {@link RaftLog} (Project 4), Project 5's
 * {@code Follower.append} to answer an {@code AppendEntries} and a {@code Leader} (one
 * {@link Progress} per follower) while leading, Project 6's {@code CommitRule} to move the commit
 * index and an {@code Applier} over the {@link StateMachine} to apply committed entries.
 *
 * <h2>The contract with the driver (Part 4)</h2>
 *
 * <ol>
 *   <li>Feed it any number of inputs, then call {@link #ready()} once.</li>
 *   <li>Write the {@link Ready#termVote()} if there is one. The log's changes are already in the
 *       {@link rafting.log.LogStorage} this node was given.</li>
 *   <li>If {@link Ready#mustSync()}, make the term/vote record and the log storage durable: one
 *       sync covers every input of step 1 (group commit).</li>
 *   <li>Only then send {@link Ready#messages()} and hand out {@link Ready#applied()} to clients.</li>
 * </ol>
 *
 * One exception is allowed: while the node leads, its AppendEntries may be sent before step 3
 * (thesis §10.2.1), provided the driver feeds the node nothing more until step 3 has finished.
 * After a crash, the node is rebuilt from what is durable: it starts as a follower with a commit
 * index of 0 and re-applies the log to a fresh state machine as it learns the commit index again.
 *
 * <p>Each role change is one short private method of yours ({@code becomeFollower},
 * {@code becomePreCandidate}, {@code becomeCandidate}, {@code becomeLeader}) that logs one line
 * through {@code System.Logger}: {@code n2 became leader at term 3}.
 */
public final class RaftNode {

    /** No server: no vote yet, or no known leader. Servers are numbered from 1. Given. */
    public static final int NONE = 0;

    /**
     * Part 2: server {@code id} of {@code cluster}, (re)starting from its durable state: the
     * {@code log} over its storage and the last {@code termVote} written. It starts as a follower
     * of nobody, commit index 0, its election timer reset (a timeout drawn from {@code random}).
     * Committed commands go to {@code machine}.
     *
     * @throws IllegalArgumentException {@code "server <id> is not a member of <cluster>"} (for
     *     example {@code server 4 is not a member of [1, 2, 3]}); when {@code termVote} is a vote
     *     for a server not in {@code cluster}; when the log's last term is above
     *     {@code termVote.term()}, with a message that ends
     *     {@code "the term/vote record is older than the log"}
     * @throws NullPointerException when {@code settings} or {@code random} is null
     */
    public RaftNode(int id, Membership cluster, Settings settings, RaftLog log, TermVote termVote,
            StateMachine machine, RandomGenerator random) {
        throw new UnsupportedOperationException("Part 2: check the durable state, keep it, reset the election timer");
    }

    /**
     * Part 2: a new server {@code id} of {@code cluster}: an empty {@code new RaftLog()} in memory,
     * {@link TermVote#INITIAL}, and a state machine that answers every command with an empty byte array.
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
     * commits it at once) and returns {@link Proposal#accepted}{@code (index, term, id)}; the
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
     *       leader of its own term;</li>
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
     * Part 2: everything to write, sync, send and hand out since the last call, then forgets it
     * (a second call with no input between returns an empty {@link Ready}). A leader with new
     * proposals first adds its {@code Leader.replicate} requests. {@code termVote} is set when the
     * term or vote changed; {@code logChanged} when the log's {@code version()} moved;
     * {@code mustSync} when either holds (Part 6: never with {@link Flaw#ACKNOWLEDGE_BEFORE_DURABLE}).
     */
    public Ready ready() {
        throw new UnsupportedOperationException("Part 2: hand out the term/vote, log change, messages and applied entries");
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

    /** Part 2: the highest index applied to the state machine (Project 6's {@code Applier.lastApplied()}). */
    public long lastApplied() {
        throw new UnsupportedOperationException("Part 2: the last applied index");
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
     * servers heard from since the last check-quorum, {@link #progress()} as each progress's
     * {@code toString} by follower id, and the three timers.
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
