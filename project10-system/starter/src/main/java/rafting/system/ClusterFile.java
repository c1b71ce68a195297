package rafting.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import rafting.consensus.Membership;

/**
 * Part 4: who is in the cluster and where to reach each node: its client port (RESP) and its peer
 * port (Raft). The default local cluster of {@code n} nodes ({@link #local}) puts node {@code i}
 * on {@code 127.0.0.1:700i} and {@code 127.0.0.1:710i}. A cluster file (Part 6) gives the same as
 * properties:
 *
 * <pre>
 * cluster = raftkv-local
 * node.1 = 127.0.0.1:7001 127.0.0.1:7101
 * node.2 = 127.0.0.1:7002 127.0.0.1:7102
 * node.3 = 127.0.0.1:7003 127.0.0.1:7103
 * </pre>
 *
 * @param clusterId the name peers check in their handshake, 1 to 100 characters
 * @param nodes every node's addresses by id, kept sorted by id and unmodifiable
 */
public record ClusterFile(String clusterId, Map<Integer, Addresses> nodes) {

    /** Part 4: where one node serves clients and where its peers reach it. */
    public record Addresses(InetSocketAddress client, InetSocketAddress peer) {

        /** Part 4: both as {@code host:port}, a space between: {@code 127.0.0.1:7001 127.0.0.1:7101}. */
        @Override
        public String toString() {
            throw new UnsupportedOperationException("Part 4: client and peer address");
        }
    }

    /** The cluster id of the default local cluster and of a file that names none. */
    public static final String DEFAULT_CLUSTER_ID = "raftkv-local";

    /**
     * Part 4: a cluster id of 1 to 100 characters, not blank, and at least one node; otherwise an
     * {@link IllegalArgumentException}. Keeps {@code nodes} as an unmodifiable map sorted by id.
     */
    public ClusterFile {
        throw new UnsupportedOperationException("Part 4: check and keep the cluster");
    }

    /** Part 6: the default local cluster of {@code size} nodes (1 to 9; otherwise an {@link IllegalArgumentException}). */
    public static ClusterFile local(int size) {
        throw new UnsupportedOperationException("Part 6: the default local cluster");
    }

    /**
     * Part 6: reads a cluster file (see above): {@code cluster} (default {@link #DEFAULT_CLUSTER_ID})
     * and one {@code node.<id> = clienthost:port peerhost:port} per node. A line it cannot read is
     * an {@link IllegalArgumentException} naming the file and the line's key.
     */
    public static ClusterFile read(Path file) throws IOException {
        throw new UnsupportedOperationException("Part 6: read a cluster file");
    }

    /** Part 6: the same cluster, written as a file {@link #read} reads back equal. */
    public String toFileText() {
        throw new UnsupportedOperationException("Part 6: the cluster as a file");
    }

    /** Part 4: the members, for the Raft core ({@code Membership.of(nodes().keySet())}). */
    public Membership membership() {
        throw new UnsupportedOperationException("Part 4: the members");
    }

    /**
     * Part 4: the addresses of node {@code id}; a node not in the cluster is an
     * {@link IllegalArgumentException}: {@code node 7 is not in the cluster; its nodes are [1, 2, 3]}.
     */
    public Addresses addresses(int id) {
        throw new UnsupportedOperationException("Part 4: one node's addresses");
    }

    /**
     * Part 4: {@code host:port} parsed into an address; anything else is an
     * {@link IllegalArgumentException}: {@code expected host:port, got 'x'}.
     */
    public static InetSocketAddress parse(String hostPort) {
        throw new UnsupportedOperationException("Part 4: parse host:port");
    }

    /** Part 4: {@code host:port} of an address, the host as given ({@code getHostString()}): {@code 127.0.0.1:7001}. */
    public static String hostPort(InetSocketAddress address) {
        throw new UnsupportedOperationException("Part 4: an address as host:port");
    }
}
