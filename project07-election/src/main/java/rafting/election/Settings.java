package rafting.election;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a node behaves, in ticks of logical time: a follower that hears nothing for a random
 * election timeout in {@code electionTicksMin..electionTicksMax} starts an election; a leader
 * sends heartbeats every {@code heartbeatTicks}. A request carries at most {@code maxBatch}
 * entries. Pre-vote and check-quorum are on unless switched off; {@code snapshots} says when the
 * driver takes a snapshot (never, unless set); {@code flaws} is empty unless a lesson needs a
 * broken rule.
 */
public record Settings(int electionTicksMin, int electionTicksMax, int heartbeatTicks, int maxBatch,
        boolean preVote, boolean checkQuorum, Snapshots snapshots, Set<Flaw> flaws) {

    /**
     * When the {@link Driver} takes a snapshot and compacts the log (§7): once the entries applied
     * since the last snapshot number {@code entries}, or their commands hold {@code bytes} (0: no
     * such limit; both 0: never). A leader sends its snapshot in chunks of {@code chunkBytes}.
     */
    public record Snapshots(long entries, long bytes, int chunkBytes) {

        /** No snapshots taken; a snapshot received is sent on in chunks of 256 KiB. */
        public static final Snapshots OFF = new Snapshots(0, 0, 256 * 1024);

        public Snapshots {
            if (entries < 0 || bytes < 0 || chunkBytes < 1) {
                throw new IllegalArgumentException("snapshot thresholds are never negative and chunks hold a byte or more, got "
                        + entries + ", " + bytes + ", " + chunkBytes);
            }
        }

        /** True when a snapshot is due after {@code entries} entries holding {@code bytes} bytes since the last one. */
        public boolean due(long entries, long bytes) {
            return this.entries > 0 && entries >= this.entries || this.bytes > 0 && bytes >= this.bytes;
        }
    }

    public Settings {
        if (heartbeatTicks < 1 || electionTicksMin <= heartbeatTicks || electionTicksMax < electionTicksMin) {
            throw new IllegalArgumentException("need 1 <= heartbeatTicks < electionTicksMin <= electionTicksMax, got "
                    + heartbeatTicks + ", " + electionTicksMin + ", " + electionTicksMax);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch is at least 1, got " + maxBatch);
        }
        if (snapshots == null) {
            throw new IllegalArgumentException("snapshots: Snapshots.OFF for none, not null");
        }
        flaws = flaws.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flaws));
    }

    /** Settings without snapshots. */
    public Settings(int electionTicksMin, int electionTicksMax, int heartbeatTicks, int maxBatch, boolean preVote,
            boolean checkQuorum, Set<Flaw> flaws) {
        this(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, preVote, checkQuorum, Snapshots.OFF, flaws);
    }

    /** Elections after 10 to 20 quiet ticks, a heartbeat every 2, 64 entries a request, pre-vote and check-quorum on, no snapshots, no flaws. */
    public static Settings defaults() {
        return new Settings(10, 20, 2, 64, true, true, Set.of());
    }

    public Settings withElectionTicks(int min, int max) {
        return new Settings(min, max, heartbeatTicks, maxBatch, preVote, checkQuorum, snapshots, flaws);
    }

    public Settings withHeartbeatTicks(int ticks) {
        return new Settings(electionTicksMin, electionTicksMax, ticks, maxBatch, preVote, checkQuorum, snapshots, flaws);
    }

    public Settings withMaxBatch(int entries) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, entries, preVote, checkQuorum, snapshots, flaws);
    }

    public Settings withPreVote(boolean on) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, on, checkQuorum, snapshots, flaws);
    }

    public Settings withCheckQuorum(boolean on) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, preVote, on, snapshots, flaws);
    }

    /** The same settings, taking snapshots as {@code policy} says. */
    public Settings withSnapshots(Snapshots policy) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, preVote, checkQuorum, policy, flaws);
    }

    /** The same settings with exactly these flaws. */
    public Settings withFlaws(Flaw... broken) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, preVote, checkQuorum, snapshots,
                Set.of(broken));
    }

    public boolean has(Flaw flaw) {
        return flaws.contains(flaw);
    }
}
