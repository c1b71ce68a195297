package rafting.election;

import java.util.Set;

/**
 * How a node behaves, in ticks of logical time: a follower that hears nothing for a random
 * election timeout in {@code electionTicksMin..electionTicksMax} starts an election (§5.2); a
 * leader sends heartbeats every {@code heartbeatTicks}. A request carries at most
 * {@code maxBatch} entries. Pre-vote and check-quorum (Part 5) are on unless switched off;
 * {@code flaws} (Part 6) is empty unless a lesson needs a broken rule.
 *
 * <p>Every {@code with...} method returns a new {@code Settings} equal to this one but for the one
 * value it names, checked by the constructor like any other.
 */
public record Settings(int electionTicksMin, int electionTicksMax, int heartbeatTicks, int maxBatch,
        boolean preVote, boolean checkQuorum, Snapshots snapshots, Set<Flaw> flaws) {

    /**
     * Given whole (Part 8, Project 11): when the {@link Driver} takes a snapshot and compacts the
     * log (§7): once the entries applied since the last snapshot number {@code entries}, or their
     * commands hold {@code bytes} (0: no such limit; both 0: never). A leader sends its snapshot in
     * chunks of {@code chunkBytes}.
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

    /**
     * Part 1: checks the values and keeps an immutable copy of {@code flaws}.
     *
     * <ul>
     *   <li>unless {@code 1 <= heartbeatTicks < electionTicksMin <= electionTicksMax}: an
     *       {@link IllegalArgumentException} with the message
     *       {@code "need 1 <= heartbeatTicks < electionTicksMin <= electionTicksMax, got <heartbeatTicks>, <electionTicksMin>, <electionTicksMax>"};</li>
     *   <li>a {@code maxBatch} below 1: an {@link IllegalArgumentException} with the message
     *       {@code "maxBatch is at least 1, got <maxBatch>"};</li>
     *   <li>{@code snapshots} null: an {@link IllegalArgumentException}.</li>
     * </ul>
     */
    public Settings {
        throw new UnsupportedOperationException("Part 1: check the timing and the batch size, copy the flaws");
    }

    /** Part 1: settings with {@link Snapshots#OFF}. */
    public Settings(int electionTicksMin, int electionTicksMax, int heartbeatTicks, int maxBatch, boolean preVote,
            boolean checkQuorum, Set<Flaw> flaws) {
        this(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, preVote, checkQuorum, Snapshots.OFF, flaws);
    }

    /**
     * Part 1: elections after 10 to 20 quiet ticks, a heartbeat every 2, 64 entries a request,
     * pre-vote and check-quorum on, no flaws.
     */
    public static Settings defaults() {
        throw new UnsupportedOperationException("Part 1: new Settings(10, 20, 2, 64, true, true, Set.of())");
    }

    /** Part 1: the same settings with election timeouts drawn from {@code min..max}. */
    public Settings withElectionTicks(int min, int max) {
        throw new UnsupportedOperationException("Part 1: a copy with other election ticks");
    }

    /** Part 1: the same settings with a heartbeat every {@code ticks}. */
    public Settings withHeartbeatTicks(int ticks) {
        throw new UnsupportedOperationException("Part 1: a copy with other heartbeat ticks");
    }

    /** Part 1: the same settings with at most {@code entries} entries a request. */
    public Settings withMaxBatch(int entries) {
        throw new UnsupportedOperationException("Part 1: a copy with another batch size");
    }

    /** Part 1: the same settings with pre-vote on or off. */
    public Settings withPreVote(boolean on) {
        throw new UnsupportedOperationException("Part 1: a copy with pre-vote on or off");
    }

    /** Part 1: the same settings with check-quorum on or off. */
    public Settings withCheckQuorum(boolean on) {
        throw new UnsupportedOperationException("Part 1: a copy with check-quorum on or off");
    }

    /** Part 8 (Project 11): the same settings, taking snapshots as {@code policy} says. */
    public Settings withSnapshots(Snapshots policy) {
        throw new UnsupportedOperationException("Part 8: a copy with another snapshot policy");
    }

    /** Part 1: the same settings with exactly these flaws (none when called with no argument). */
    public Settings withFlaws(Flaw... broken) {
        throw new UnsupportedOperationException("Part 1: a copy with exactly these flaws");
    }

    /** Part 1: true when {@code flaw} is one of {@link #flaws()}. */
    public boolean has(Flaw flaw) {
        throw new UnsupportedOperationException("Part 1: is this flaw switched on?");
    }
}
