package rafting.replication;

/**
 * Part 4: what a leader knows of one follower's log (Figure 2, "volatile state on leaders"):
 * {@code matchIndex}, the highest index known to match the leader's log, and {@code nextIndex},
 * the next entry to send.
 *
 * <p>A follower is first <em>probed</em>: the leader sends from {@code nextIndex} and waits for the
 * answer, moving {@code nextIndex} back on each refusal. Once a success shows where the logs
 * match, the follower is <em>replicating</em>: each request starts where the previous one ended,
 * without waiting for its answer. A refusal sends it back to probing.
 *
 * <p>Rules: {@code matchIndex} grows only from a success, which says what it matched, and drops
 * only when the follower shows it lost what it acknowledged; {@code nextIndex} never drops below 1
 * nor below {@code matchIndex + 1}. The constructor and the
 * three events are package-private: only the {@link Leader} moves a progress.
 */
public final class Progress {

    /**
     * A follower nothing is known about: probing at {@code nextIndex} (the leader's last index plus
     * 1, §5.3), {@code matchIndex} 0. A {@code nextIndex} below 1 is an {@link IllegalArgumentException}.
     */
    Progress(long nextIndex) {
        throw new UnsupportedOperationException("Part 4: a new progress, probing");
    }

    public long nextIndex() {
        throw new UnsupportedOperationException("Part 4: nextIndex");
    }

    public long matchIndex() {
        throw new UnsupportedOperationException("Part 4: matchIndex");
    }

    /** True while the leader is still searching for where this follower's log matches. */
    public boolean probing() {
        throw new UnsupportedOperationException("Part 4: probing or replicating");
    }

    /** The highest round of the leader's requests this follower answered (0 at first). */
    public long ackedRound() {
        throw new UnsupportedOperationException("Part 4: the round answered");
    }

    /** The follower answered a request of {@code round}: {@code ackedRound} becomes at least that. */
    void answered(long round) {
        throw new UnsupportedOperationException("Part 4: a round answered");
    }

    /**
     * Entries up to {@code lastSent} went out. While replicating, the next request starts after
     * them ({@code nextIndex} becomes at least {@code lastSent + 1}); while probing, nothing changes.
     */
    void sent(long lastSent) {
        throw new UnsupportedOperationException("Part 4: entries went out");
    }

    /**
     * The follower's log matches the leader's up to {@code match}. Returns true when that is news
     * ({@code match} above {@code matchIndex}, which then becomes {@code match}); a late or
     * duplicated success never moves {@code matchIndex} back. A success at or beyond
     * {@code nextIndex - 1} answers the latest probe: the follower is replicating from then on; an
     * older one leaves probing as it is. {@code nextIndex} becomes at least {@code matchIndex + 1}.
     */
    boolean succeeded(long match) {
        throw new UnsupportedOperationException("Part 4: a success");
    }

    /**
     * The follower refused, hinting that the leader should try {@code hint} next: {@code nextIndex}
     * moves to the hint but at least one entry back, and never below {@code matchIndex + 1}
     * ({@code next=11}: hint 7 gives 7, hint 50 gives 10); the follower is probing again.
     *
     * <p>A hint at or below {@code matchIndex} says the follower lost entries it acknowledged (a
     * broken disk): {@code matchIndex} drops to 0, {@code nextIndex} goes to the hint, and this
     * returns true so that the leader can warn; otherwise it returns false.
     */
    boolean refused(long hint) {
        throw new UnsupportedOperationException("Part 4: a refusal");
    }

    /**
     * Exactly {@code next=11 match=0 probing}, or {@code next=3 match=2} once replicating, and
     * {@code  round=4} at the end once a round was answered.
     */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: next, match and probing");
    }
}
