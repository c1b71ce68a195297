package rafting.replication;

import static java.lang.System.Logger.Level.WARNING;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rafting.log.LogEntry;
import rafting.log.RaftLog;

/**
 * The leader's side of replication for one term: appends clients' commands to its log and brings
 * every follower's log up to date, however far behind or divergent (§5.3). It keeps a
 * {@link Progress} per follower and sends at most {@code maxBatch} entries, and at most
 * {@link #MAX_BATCH_BYTES} of commands, per request.
 *
 * <p>It does not decide commitment: whoever owns the commit index passes it in, and it travels
 * in every request as {@code leaderCommit}. It sends entries, never snapshots: a follower that
 * needs entries the log has compacted away ({@link #needsSnapshot(int)}) gets no request from it,
 * and whoever holds the snapshot sends that and reports {@link #snapshotInstalled}. It numbers its
 * rounds of requests ({@link #startRound()}) for whoever needs to know that it still leads.
 */
public final class Leader {

    /**
     * The most command bytes one request carries (one entry goes even if it is larger): a follower
     * far behind is fed in requests of bounded size, whatever the size of the values.
     */
    public static final int MAX_BATCH_BYTES = 1 << 20;

    private static final System.Logger LOG = System.getLogger(Leader.class.getName());

    private final int id;
    private final long term;
    private final RaftLog log;
    private final int maxBatch;
    private final Map<Integer, Progress> followers = new TreeMap<>();
    private long round;

    /** Leader {@code id} of {@code term}, replicating {@code log} to {@code followers}, {@code maxBatch} entries per request. */
    public Leader(int id, long term, RaftLog log, Collection<Integer> followers, int maxBatch) {
        if (term < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a leader needs a term >= 1 and maxBatch >= 1, got " + term + ", " + maxBatch);
        }
        this.id = id;
        this.term = term;
        this.log = log;
        this.maxBatch = maxBatch;
        for (int follower : followers) {
            if (follower == id) {
                throw new IllegalArgumentException("the leader " + id + " is not its own follower");
            }
            this.followers.put(follower, new Progress(log.lastIndex() + 1));
        }
    }

    private Leader(Leader original, RaftLog log) {
        this.id = original.id;
        this.term = original.term;
        this.log = log;
        this.maxBatch = original.maxBatch;
        this.round = original.round;
        original.followers.forEach((follower, progress) -> followers.put(follower, new Progress(progress)));
    }

    /**
     * This leader over {@code log}, which must hold the same entries as its own (a copy of it):
     * each follower's progress copied, so the two leaders go on apart. For an explorer that keeps
     * a state and tries several next events from it.
     */
    public Leader copyOver(RaftLog log) {
        return new Leader(this, log);
    }

    /** Appends a client's command as an entry of this term; returns its index. */
    public long propose(byte[] command) {
        return log.append(LogEntry.of(term, command));
    }

    /** Appends a client's text command; returns its index. */
    public long propose(String command) {
        return propose(command.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends an entry of this term, such as a new leader's no-op; returns its index. */
    public long append(LogEntry entry) {
        if (entry.term() != term) {
            throw new IllegalArgumentException("a leader of term " + term + " appends only entries of its term, not " + entry);
        }
        return log.append(entry);
    }

    /**
     * Starts a new round: every request from now on carries its number, which the answers echo.
     * A round that a majority answered shows that this leader still led after the round began
     * (thesis §6.4). Returns the new round's number.
     */
    public long startRound() {
        return ++round;
    }

    /** The round the requests carry now: 0 until the first {@link #startRound()}. */
    public long round() {
        return round;
    }

    /** One request per follower, carrying whatever it is missing (or nothing): the heartbeat. */
    public List<AppendEntries> heartbeat(long commitIndex) {
        var out = new ArrayList<AppendEntries>(followers.size());
        for (int follower : followers.keySet()) {
            if (!needsSnapshot(follower)) {
                out.add(request(follower, commitIndex));
            }
        }
        return out;
    }

    /**
     * Requests for the replicating followers that have not been sent the newest entries yet: every
     * entry they miss, in batches of at most {@code maxBatch}, without waiting for answers.
     */
    public List<AppendEntries> replicate(long commitIndex) {
        var out = new ArrayList<AppendEntries>();
        followers.forEach((follower, progress) -> {
            while (!progress.probing() && progress.nextIndex() <= log.lastIndex() && !needsSnapshot(follower)) {
                out.add(request(follower, commitIndex));
            }
        });
        return out;
    }

    /**
     * Handles a follower's answer and returns what to send it next, if anything. Answers from
     * other terms, from strangers, or claiming entries this log does not have, change nothing.
     *
     * @return true in {@link Handled#matchGrew()} when the follower's {@code matchIndex} grew, which
     *     is when the commit index may move
     */
    public Handled handle(AppendEntriesResponse response, long commitIndex) {
        Progress progress = followers.get(response.from());
        if (progress == null || response.term() != term || response.to() != id) {
            return Handled.NOTHING;
        }
        // Success or refusal, the follower took us as its leader when it answered this round.
        progress.answered(Math.min(response.round(), round)); // never a round we did not start
        if (!response.success()) {
            long before = progress.nextIndex();
            if (progress.refused(response.hintIndex())) {
                LOG.log(WARNING, () -> "n" + id + " probes n" + response.from() + " again from "
                        + progress.nextIndex() + ": it refused at or below what it acknowledged (lost entries,"
                        + " or a late answer): " + response);
            }
            // Try again at once when backing off got somewhere; otherwise at the next heartbeat,
            // which keeps the two from flooding each other.
            return progress.nextIndex() < before && !needsSnapshot(response.from())
                    ? new Handled(false, List.of(request(response.from(), commitIndex)))
                    : Handled.NOTHING;
        }
        if (response.matchIndex() > log.lastIndex()) {
            return Handled.NOTHING; // we never sent that much: not an answer to us
        }
        boolean grew = progress.succeeded(response.matchIndex());
        return new Handled(grew, next(response.from(), commitIndex));
    }

    /**
     * True when {@code follower} needs entries this log has compacted away (§7): the entry before
     * its {@code nextIndex} is behind the snapshot, so only the snapshot can bring it up to date.
     */
    public boolean needsSnapshot(int follower) {
        return progress(follower).nextIndex() < log.firstIndex();
    }

    /**
     * {@code follower} holds every entry up to {@code index}: it installed the snapshot that ends
     * there. It is replicating from there on; returns the request that carries what follows.
     */
    public Handled snapshotInstalled(int follower, long index, long commitIndex) {
        if (index > log.lastIndex()) {
            throw new IllegalArgumentException("n" + follower + " cannot hold " + index + ": this log ends at " + log.lastIndex());
        }
        boolean grew = progress(follower).succeeded(index);
        return new Handled(grew, next(follower, commitIndex));
    }

    /** The request that goes on replicating to {@code follower}, if it misses entries this log still holds. */
    private List<AppendEntries> next(int follower, long commitIndex) {
        return progress(follower).nextIndex() <= log.lastIndex() && !needsSnapshot(follower)
                ? List.of(request(follower, commitIndex))
                : List.of();
    }

    /** What handling an answer gave: whether the follower's {@code matchIndex} grew, and what to send it. */
    public record Handled(boolean matchGrew, List<AppendEntries> toSend) {
        static final Handled NOTHING = new Handled(false, List.of());
    }

    public int id() {
        return id;
    }

    public long term() {
        return term;
    }

    /** The followers' progress, by id, read-only. */
    public Map<Integer, Progress> progress() {
        return Collections.unmodifiableMap(followers);
    }

    /** How far {@code follower}'s log is known to match this leader's. */
    public long matchIndex(int follower) {
        return progress(follower).matchIndex();
    }

    private Progress progress(int follower) {
        Progress progress = followers.get(follower);
        if (progress == null) {
            throw new IllegalArgumentException(follower + " is not a follower of " + id);
        }
        return progress;
    }

    private AppendEntries request(int follower, long commitIndex) {
        Progress progress = followers.get(follower);
        long prevIndex = progress.nextIndex() - 1;
        List<LogEntry> entries = withinBytes(log.entries(prevIndex + 1, maxBatch));
        progress.sent(prevIndex + entries.size());
        return new AppendEntries(id, follower, term, prevIndex, log.termAt(prevIndex), entries, commitIndex, round);
    }

    /** The first entries whose commands add up to at most {@link #MAX_BATCH_BYTES}, and at least one. */
    private static List<LogEntry> withinBytes(List<LogEntry> entries) {
        long bytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            bytes += entries.get(i).size();
            if (bytes > MAX_BATCH_BYTES && i > 0) {
                return entries.subList(0, i);
            }
        }
        return entries;
    }

    @Override
    public String toString() {
        return "leader " + id + " t=" + term + " " + followers;
    }
}
