package rafting.sim;

import rafting.election.Driver;
import rafting.election.RaftNode;

/** One simulated server: its disk, which survives crashes, and the node running over it while it is up. */
final class SimServer {

    final int id;
    final SimDisk disk;
    /** The node of the current life; after a crash, the dead node, kept only to be read. */
    RaftNode node;
    /** The driver of the current life's node (project 7's). */
    Driver driver;
    boolean up = true;
    /** Inputs were fed to the node since its last flush. */
    boolean pending;
    /** How many times it restarted: a new life draws new election timeouts. */
    int incarnation;

    SimServer(int id, SimDisk disk) {
        throw new UnsupportedOperationException("Part 6: write SimServer");
    }

    /** The current term: the node's while up, the disk's durable record while down. */
    long term() {
        throw new UnsupportedOperationException("Part 6: write SimServer.term");
    }
}
