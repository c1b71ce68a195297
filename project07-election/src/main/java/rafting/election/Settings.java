package rafting.election;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a node behaves, in ticks of logical time: a follower that hears nothing for a random
 * election timeout in {@code electionTicksMin..electionTicksMax} starts an election; a leader
 * sends heartbeats every {@code heartbeatTicks}. A request carries at most {@code maxBatch}
 * entries. Pre-vote and check-quorum are on unless switched off; {@code flaws} is empty unless a
 * lesson needs a broken rule.
 */
public record Settings(int electionTicksMin, int electionTicksMax, int heartbeatTicks, int maxBatch,
        boolean preVote, boolean checkQuorum, Set<Flaw> flaws) {

    public Settings {
        if (heartbeatTicks < 1 || electionTicksMin <= heartbeatTicks || electionTicksMax < electionTicksMin) {
            throw new IllegalArgumentException("need 1 <= heartbeatTicks < electionTicksMin <= electionTicksMax, got "
                    + heartbeatTicks + ", " + electionTicksMin + ", " + electionTicksMax);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch is at least 1, got " + maxBatch);
        }
        flaws = flaws.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flaws));
    }

    /** Elections after 10 to 20 quiet ticks, a heartbeat every 2, 64 entries a request, pre-vote and check-quorum on, no flaws. */
    public static Settings defaults() {
        return new Settings(10, 20, 2, 64, true, true, Set.of());
    }

    public Settings withElectionTicks(int min, int max) {
        return new Settings(min, max, heartbeatTicks, maxBatch, preVote, checkQuorum, flaws);
    }

    public Settings withHeartbeatTicks(int ticks) {
        return new Settings(electionTicksMin, electionTicksMax, ticks, maxBatch, preVote, checkQuorum, flaws);
    }

    public Settings withMaxBatch(int entries) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, entries, preVote, checkQuorum, flaws);
    }

    public Settings withPreVote(boolean on) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, on, checkQuorum, flaws);
    }

    public Settings withCheckQuorum(boolean on) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, preVote, on, flaws);
    }

    /** The same settings with exactly these flaws. */
    public Settings withFlaws(Flaw... broken) {
        return new Settings(electionTicksMin, electionTicksMax, heartbeatTicks, maxBatch, preVote, checkQuorum, Set.of(broken));
    }

    public boolean has(Flaw flaw) {
        return flaws.contains(flaw);
    }
}
