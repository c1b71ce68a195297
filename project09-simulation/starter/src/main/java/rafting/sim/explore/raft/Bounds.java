package rafting.sim.explore.raft;

import java.util.List;

/**
 * What keeps the explored space finite. Raft's terms, logs and message queues grow without end;
 * these bounds are part of the model: an event that would cross one does not happen, so a PASSED
 * verdict means every state within them was visited, and nothing beyond.
 *
 * @param nodes        servers in the cluster, numbered 1..nodes
 * @param maxTerm      no server times out when its election would pass this term
 * @param maxProposals client proposals in the whole run (each to a leader, with commands "a", "b", ...)
 * @param maxCrashes   crashes in the whole run (a crashed server may restart at any time)
 * @param maxInFlight  messages in flight at once: an event that would leave more does not happen
 * @param drops        whether the network may lose messages, as they are sent (see {@link Event.Lossy})
 * @param maxDuplicates times in the whole run that the network puts a second copy of a message in
 *                      flight ({@link Event.Duplicate}): the message may then be delivered twice
 */
public record Bounds(int nodes, int maxTerm, int maxProposals, int maxCrashes, int maxInFlight, boolean drops,
                     int maxDuplicates) {

    public Bounds {
        throw new UnsupportedOperationException("Part 4: write Bounds");
    }

    /** Bounds with a network that never duplicates. */
    public Bounds(int nodes, int maxTerm, int maxProposals, int maxCrashes, int maxInFlight, boolean drops) {
        this(nodes, maxTerm, maxProposals, maxCrashes, maxInFlight, drops, 0);
    }

    /**
     * Three servers, terms up to 2, one proposal, one crash, 2 messages in flight, no drops (but
     * a crash loses the messages to the server): about 9,000 states, a few seconds.
     */
    public static Bounds small() {
        throw new UnsupportedOperationException("Part 4: write Bounds.small");
    }

    public Bounds withMaxTerm(int term) {
        throw new UnsupportedOperationException("Part 4: write Bounds.withMaxTerm");
    }

    public Bounds withMaxProposals(int proposals) {
        throw new UnsupportedOperationException("Part 4: write Bounds.withMaxProposals");
    }

    public Bounds withMaxCrashes(int crashes) {
        throw new UnsupportedOperationException("Part 4: write Bounds.withMaxCrashes");
    }

    public Bounds withMaxInFlight(int messages) {
        throw new UnsupportedOperationException("Part 4: write Bounds.withMaxInFlight");
    }

    public Bounds withDrops(boolean lossy) {
        throw new UnsupportedOperationException("Part 4: write Bounds.withDrops");
    }

    public Bounds withMaxDuplicates(int duplicates) {
        throw new UnsupportedOperationException("Part 4: write Bounds.withMaxDuplicates");
    }

    /**
     * The kinds of {@link rafting.sim.Event} these bounds let happen, as the explorer counts them:
     * {@code Fire}, {@code Deliver}, then {@code Propose}, {@code Crash} and {@code Restart},
     * {@code Lossy}, {@code Duplicate} where the bounds allow them, in that order.
     */
    public List<String> eventKinds() {
        throw new UnsupportedOperationException("Part 4: write Bounds.eventKinds");
    }

    /** {@code 3 servers, terms <= 3, 1 proposal, 0 crashes, 4 messages in flight, drops} (and {@code , 1 duplicate} if any). */
    @Override
    public String toString() {
        throw new UnsupportedOperationException("Part 4: write Bounds.toString");
    }
}
