package rafting.replication;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * Part 5: the leader's side of replication for one term: appends clients' commands to its log and
 * brings every follower's log up to date, however far behind or divergent (§5.3). It keeps a
 * {@link Progress} per follower and sends at most {@code maxBatch} entries per request, and at most
 * {@link #MAX_BATCH_BYTES} of commands (but always one entry, however large).
 *
 * <p>Every request it builds for a follower starts at that follower's {@code nextIndex}:
 * {@code prevLogIndex = nextIndex - 1}, {@code prevLogTerm = log.termAt(prevLogIndex)}, up to
 * {@code maxBatch} entries from {@code nextIndex} on (fewer if their commands add up to more than
 * {@link #MAX_BATCH_BYTES}), {@code leaderCommit} the commit index passed
 * in, and tells the progress what it sent ({@code Progress.sent}).
 *
 * <p>It does not decide commitment: whoever owns the commit index passes it in (Project 6). It
 * sends entries, never snapshots.
 */
public final class Leader {

    /** The most command bytes one request carries (one entry goes even if it is larger). */
    public static final int MAX_BATCH_BYTES = 1 << 20;

    /**
     * Leader {@code id} of {@code term}, replicating {@code log} to {@code followers},
     * {@code maxBatch} entries per request. Every follower starts probing at
     * {@code log.lastIndex() + 1}. A term or {@code maxBatch} below 1, or the leader among its own
     * followers, is an {@link IllegalArgumentException}.
     */
    public Leader(int id, long term, RaftLog log, Collection<Integer> followers, int maxBatch) {
        throw new UnsupportedOperationException("Part 5: a leader and one progress per follower");
    }

    /**
     * Part 5: this leader over {@code log}, which holds the same entries as its own (a copy of
     * it): each follower's progress copied, so that the two leaders go on apart. Project 7's
     * {@code RaftNode.copy} uses it.
     */
    public Leader copyOver(RaftLog log) {
        throw new UnsupportedOperationException("Part 5: copy the leader over a copy of its log");
    }

    /** Event 1: appends a client's command as an entry of this term; returns its index. */
    public long propose(byte[] command) {
        throw new UnsupportedOperationException("Part 5: propose a command");
    }

    /** Event 1: appends a client's text command (UTF-8) as an entry of this term; returns its index. */
    public long propose(String command) {
        throw new UnsupportedOperationException("Part 5: propose a text command");
    }

    /**
     * Appends an entry of this term, such as a new leader's no-op; returns its index. An entry of
     * another term is an {@link IllegalArgumentException}.
     */
    public long append(LogEntry entry) {
        throw new UnsupportedOperationException("Part 5: append an entry of this term");
    }

    /**
     * Starts a new round: every request from now on carries its number (rounds count 1, 2, ...
     * from 0, the round of a leader that never started one), and the answers echo it. Returns
     * the new round. (Project 11: a round a majority answered shows this leader still led after
     * it began.)
     */
    public long startRound() {
        throw new UnsupportedOperationException("Part 5: a new round");
    }

    /** The round the requests carry now. */
    public long round() {
        throw new UnsupportedOperationException("Part 5: the current round");
    }

    /**
     * Event 2, the heartbeat: one request per follower, in the followers' order, carrying whatever
     * it is missing from its {@code nextIndex} (up to {@code maxBatch} entries) or nothing.
     */
    public List<AppendEntries> heartbeat(long commitIndex) {
        throw new UnsupportedOperationException("Part 5: the heartbeat");
    }

    /**
     * Requests for the replicating (not probing) followers that have not been sent the newest
     * entries yet: every entry they miss, in batches of at most {@code maxBatch}, without waiting
     * for answers. Called again with nothing new, it returns nothing: those entries are on their way.
     */
    public List<AppendEntries> replicate(long commitIndex) {
        throw new UnsupportedOperationException("Part 5: stream to replicating followers");
    }

    /**
     * Event 4: handles a follower's answer and returns what to send it next, if anything.
     *
     * <ul>
     *   <li>An answer from a stranger, to another server, or of another term changes nothing.
     *   <li>Any other answer, success or refusal, first tells the follower's progress the round it
     *       answered ({@code Progress.answered}), but never a round higher than this leader's.
     *   <li>A refusal: {@code Progress.refused(hint)}, with a warning in the log when it says the
     *       follower lost entries it acknowledged; if that moved {@code nextIndex} back, one request
     *       at once from there; if not, nothing until the next heartbeat, so the two never flood
     *       each other.
     *   <li>A success claiming more than this log's last index changes nothing (we never sent it).
     *   <li>Otherwise {@code Progress.succeeded(match)}, and one request if the follower still
     *       misses entries.
     * </ul>
     *
     * @return in {@link Handled#matchGrew()} whether the follower's {@code matchIndex} grew (when
     *     the commit index may move), in {@link Handled#toSend()} the requests to send
     */
    public Handled handle(AppendEntriesResponse response, long commitIndex) {
        throw new UnsupportedOperationException("Part 5: handle an answer");
    }

    /**
     * Part 6 (Project 11): true when {@code follower} needs entries this log has compacted away
     * (§7): its {@code nextIndex} is below the log's first index, so no AppendEntries can reach it.
     * {@link #heartbeat}, {@link #replicate} and {@link #handle} then send it nothing: whoever holds
     * the snapshot sends that instead.
     */
    public boolean needsSnapshot(int follower) {
        throw new UnsupportedOperationException("Part 6: does a follower need the snapshot");
    }

    /**
     * Part 6 (Project 11): {@code follower} holds every entry up to {@code index}, having installed
     * the snapshot that ends there: {@code Progress.succeeded(index)}, and one request if it misses
     * entries this log still holds. An index past this log's end is an
     * {@link IllegalArgumentException}; a report of an older snapshot moves nothing back.
     */
    public Handled snapshotInstalled(int follower, long index, long commitIndex) {
        throw new UnsupportedOperationException("Part 6: a follower installed the snapshot");
    }

    /** What handling an answer gave: whether the follower's {@code matchIndex} grew, and what to send it. Given whole. */
    public record Handled(boolean matchGrew, List<AppendEntries> toSend) {
    }

    public int id() {
        throw new UnsupportedOperationException("Part 5: the leader's id");
    }

    public long term() {
        throw new UnsupportedOperationException("Part 5: the leader's term");
    }

    /** The followers' progress, by id in order, read-only (Project 6 reads every {@code matchIndex}). */
    public Map<Integer, Progress> progress() {
        throw new UnsupportedOperationException("Part 5: every follower's progress");
    }

    /** How far {@code follower}'s log is known to match; a server that is no follower is an {@link IllegalArgumentException}. */
    public long matchIndex(int follower) {
        throw new UnsupportedOperationException("Part 5: one follower's matchIndex");
    }

    /** {@code leader 1 t=2 {2=next=1 match=0 probing}}: the id, the term and the progress map. */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 5: the leader and its followers");
    }
}
