package rafting.sim.explore.raft;

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
 */
public record Bounds(int nodes, int maxTerm, int maxProposals, int maxCrashes, int maxInFlight, boolean drops) {

    public Bounds {
        if (nodes < 1 || nodes > 5) {
            throw new IllegalArgumentException("explore 1 to 5 servers, not " + nodes);
        }
        if (maxTerm < 1 || maxProposals < 0 || maxCrashes < 0 || maxInFlight < 0) {
            throw new IllegalArgumentException("need maxTerm >= 1 and the other bounds >= 0, got " + this);
        }
        if (maxProposals > 26) {
            throw new IllegalArgumentException("at most 26 proposals (commands a to z), not " + maxProposals);
        }
    }

    /**
     * Three servers, terms up to 2, one proposal, one crash, 2 messages in flight, no drops (but
     * a crash loses the messages to the server): about 9,000 states, a few seconds.
     */
    public static Bounds small() {
        return new Bounds(3, 2, 1, 1, 2, false);
    }

    public Bounds withMaxTerm(int term) {
        return new Bounds(nodes, term, maxProposals, maxCrashes, maxInFlight, drops);
    }

    public Bounds withMaxProposals(int proposals) {
        return new Bounds(nodes, maxTerm, proposals, maxCrashes, maxInFlight, drops);
    }

    public Bounds withMaxCrashes(int crashes) {
        return new Bounds(nodes, maxTerm, maxProposals, crashes, maxInFlight, drops);
    }

    public Bounds withMaxInFlight(int messages) {
        return new Bounds(nodes, maxTerm, maxProposals, maxCrashes, messages, drops);
    }

    public Bounds withDrops(boolean lossy) {
        return new Bounds(nodes, maxTerm, maxProposals, maxCrashes, maxInFlight, lossy);
    }

    /** {@code 3 servers, terms <= 3, 1 proposal, 0 crashes, 4 messages in flight, drops}. */
    @Override
    public String toString() {
        return nodes + " servers, terms <= " + maxTerm + ", " + maxProposals + " proposal" + (maxProposals == 1 ? "" : "s")
                + ", " + maxCrashes + " crash" + (maxCrashes == 1 ? "" : "es") + ", " + maxInFlight + " messages in flight, "
                + (drops ? "drops" : "no drops");
    }
}
