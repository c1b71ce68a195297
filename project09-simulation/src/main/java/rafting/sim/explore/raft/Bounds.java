package rafting.sim.explore.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * What keeps the explored space finite. Raft's terms, logs and message queues grow without end;
 * these bounds are part of the model: an event that would cross one does not happen, so a PASSED
 * verdict means every state within them was visited, and nothing beyond.
 *
 * @param nodes         servers in the cluster, numbered 1..nodes
 * @param maxTerm       no server times out when its election would pass this term
 * @param maxProposals  client proposals in the whole run (each to a leader, with commands "a", "b", ...)
 * @param maxCrashes    crashes in the whole run (a crashed server may restart at any time)
 * @param maxInFlight   messages in flight at once: an event that would leave more does not happen
 * @param drops         whether the network may lose messages, as they are sent (see {@link Event.Lossy})
 * @param maxDuplicates times in the whole run that the network puts a second copy of a message in
 *                      flight ({@link Event.Duplicate}): the message may then be delivered twice
 */
public record Bounds(int nodes, int maxTerm, int maxProposals, int maxCrashes, int maxInFlight, boolean drops,
                     int maxDuplicates) {

    public Bounds {
        if (nodes < 1 || nodes > 5) {
            throw new IllegalArgumentException("explore 1 to 5 servers, not " + nodes);
        }
        if (maxTerm < 1 || maxProposals < 0 || maxCrashes < 0 || maxInFlight < 0 || maxDuplicates < 0) {
            throw new IllegalArgumentException("need maxTerm >= 1 and the other bounds >= 0, got " + this);
        }
        if (maxProposals > 26) {
            throw new IllegalArgumentException("at most 26 proposals (commands a to z), not " + maxProposals);
        }
    }

    /** Bounds with a network that never duplicates. */
    public Bounds(int nodes, int maxTerm, int maxProposals, int maxCrashes, int maxInFlight, boolean drops) {
        this(nodes, maxTerm, maxProposals, maxCrashes, maxInFlight, drops, 0);
    }

    /**
     * Three servers, terms up to 2, one proposal, one crash, 2 messages in flight, no drops (but
     * a crash loses the messages to the server), no duplicates: about 9,000 states, a few seconds.
     */
    public static Bounds small() {
        return new Bounds(3, 2, 1, 1, 2, false);
    }

    public Bounds withMaxTerm(int term) {
        return new Bounds(nodes, term, maxProposals, maxCrashes, maxInFlight, drops, maxDuplicates);
    }

    public Bounds withMaxProposals(int proposals) {
        return new Bounds(nodes, maxTerm, proposals, maxCrashes, maxInFlight, drops, maxDuplicates);
    }

    public Bounds withMaxCrashes(int crashes) {
        return new Bounds(nodes, maxTerm, maxProposals, crashes, maxInFlight, drops, maxDuplicates);
    }

    public Bounds withMaxInFlight(int messages) {
        return new Bounds(nodes, maxTerm, maxProposals, maxCrashes, messages, drops, maxDuplicates);
    }

    public Bounds withDrops(boolean lossy) {
        return new Bounds(nodes, maxTerm, maxProposals, maxCrashes, maxInFlight, lossy, maxDuplicates);
    }

    public Bounds withMaxDuplicates(int duplicates) {
        return new Bounds(nodes, maxTerm, maxProposals, maxCrashes, maxInFlight, drops, duplicates);
    }

    /**
     * The kinds of {@link rafting.sim.Event} these bounds let happen, as the explorer counts them
     * ({@code Fire}, {@code Deliver}, then {@code Propose}, {@code Crash} and {@code Restart},
     * {@code Lossy}, {@code Duplicate} where the bounds allow them): each should fire somewhere in
     * a healthy exploration, or the bounds check less than they seem to.
     */
    public List<String> eventKinds() {
        var kinds = new ArrayList<>(List.of("Fire", "Deliver"));
        if (maxProposals > 0) {
            kinds.add("Propose");
        }
        if (maxCrashes > 0) {
            kinds.add("Crash");
            kinds.add("Restart");
        }
        if (drops) {
            kinds.add("Lossy");
        }
        if (maxDuplicates > 0) {
            kinds.add("Duplicate");
        }
        return List.copyOf(kinds);
    }

    /** {@code 3 servers, terms <= 3, 1 proposal, 0 crashes, 4 messages in flight, drops} (and {@code , 1 duplicate} if any). */
    @Override
    public String toString() {
        return nodes + " servers, terms <= " + maxTerm + ", " + maxProposals + " proposal" + (maxProposals == 1 ? "" : "s")
                + ", " + maxCrashes + " crash" + (maxCrashes == 1 ? "" : "es") + ", " + maxInFlight + " messages in flight, "
                + (drops ? "drops" : "no drops")
                + (maxDuplicates == 0 ? "" : ", " + maxDuplicates + " duplicate" + (maxDuplicates == 1 ? "" : "s"));
    }
}
