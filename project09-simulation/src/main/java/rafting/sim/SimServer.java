package rafting.sim;

import rafting.election.Driver;
import rafting.election.RaftNode;

/** One simulated server: its disk, which survives crashes, and the node running over it while it is up. */
final class SimServer {

    final int id;
    final SimDisk disk;
    /** The node of the current life; after a crash, the dead node, kept only to be read. */
    RaftNode node;
    /** The driver of the current life's node. */
    Driver driver;
    /** The state machine of the current life: the driver applies to it, and reads are answered from it. */
    KvMachine machine;
    boolean up = true;
    /** Inputs were fed to the node since its last flush. */
    boolean pending;
    /** How many times it restarted: a new life draws new election timeouts. */
    int incarnation;

    SimServer(int id, SimDisk disk) {
        this.id = id;
        this.disk = disk;
    }

    /** The current term: the node's while up, the disk's durable record while down. */
    long term() {
        return up ? node.term() : disk.durableTermVote().term();
    }
}
