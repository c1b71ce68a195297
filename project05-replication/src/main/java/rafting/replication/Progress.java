package rafting.replication;

/**
 * What a leader knows of one follower's log (Figure 2, "volatile state on leaders"):
 * {@code matchIndex}, the highest index known to match the leader's log, and {@code nextIndex},
 * the next entry to send.
 *
 * <p>A follower is first <em>probed</em>: the leader sends from {@code nextIndex} and waits for the
 * answer, moving {@code nextIndex} back on each refusal. Once a success shows where the logs
 * match, the follower is <em>replicating</em>: each request starts where the previous one ended,
 * without waiting for its answer, so a busy leader keeps the follower fed. A refusal sends it back
 * to probing.
 *
 * <p>Rules: {@code matchIndex} grows only from a success, which says what it matched, and drops
 * only when the follower shows it lost what it acknowledged; {@code nextIndex} never drops below 1
 * nor below {@code matchIndex + 1}.
 */
public final class Progress {

    private long nextIndex;
    private long matchIndex;
    private boolean probing = true;
    private long ackedRound;

    /** A follower nothing is known about: probe it first at {@code nextIndex}, the leader's last index plus 1 (§5.3). */
    Progress(long nextIndex) {
        if (nextIndex < 1) {
            throw new IllegalArgumentException("nextIndex is at least 1, got " + nextIndex);
        }
        this.nextIndex = nextIndex;
    }

    /** A copy of {@code other}, to go on apart from it. */
    Progress(Progress other) {
        this.nextIndex = other.nextIndex;
        this.matchIndex = other.matchIndex;
        this.probing = other.probing;
        this.ackedRound = other.ackedRound;
    }

    public long nextIndex() {
        return nextIndex;
    }

    public long matchIndex() {
        return matchIndex;
    }

    /** True while the leader is still searching for where this follower's log matches. */
    public boolean probing() {
        return probing;
    }

    /** The highest round of the leader's requests this follower answered (see {@link AppendEntries#round()}). */
    public long ackedRound() {
        return ackedRound;
    }

    /** The follower answered a request of {@code round}: it took this leader as its leader then. */
    void answered(long round) {
        ackedRound = Math.max(ackedRound, round);
    }

    /** Entries up to {@code lastSent} went out; while replicating, the next request starts after them. */
    void sent(long lastSent) {
        if (!probing) {
            nextIndex = Math.max(nextIndex, lastSent + 1);
        }
    }

    /**
     * The follower's log matches the leader's up to {@code match}. Returns true when that is news:
     * a late or duplicated success never moves {@code matchIndex} back.
     */
    boolean succeeded(long match) {
        boolean grew = match > matchIndex;
        if (grew) {
            matchIndex = match;
        }
        if (match >= nextIndex - 1) {
            probing = false; // the answer to the latest probe: the logs meet here
        }
        nextIndex = Math.max(nextIndex, matchIndex + 1);
        return grew;
    }

    /**
     * The follower refused, hinting that the leader should try {@code hint} next. Back off to the
     * hint (at least one entry), never below what is known to match.
     *
     * <p>A hint at or below {@code matchIndex} says the follower no longer holds entries it
     * acknowledged: its disk lost them, or the refusal is a late copy of an old answer (the two
     * cannot be told apart). What was known is then void: this returns true, and the follower is
     * probed again from the hint as if new. That is safe (a lower {@code matchIndex} only delays
     * commitment), and a late answer costs one probe.
     */
    boolean refused(long hint) {
        boolean lost = hint <= matchIndex;
        if (lost) {
            matchIndex = 0;
        }
        nextIndex = Math.max(matchIndex + 1, Math.min(hint, nextIndex - 1));
        probing = true;
        return lost;
    }

    @Override
    public String toString() {
        return "next=" + nextIndex + " match=" + matchIndex + (probing ? " probing" : "")
                + (ackedRound == 0 ? "" : " round=" + ackedRound);
    }
}
