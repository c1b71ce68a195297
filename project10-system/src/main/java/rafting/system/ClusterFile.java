package rafting.system;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import rafting.consensus.Membership;

/**
 * Who is in the cluster and where to reach each node: its client port (RESP) and its peer port
 * (Raft). The default local cluster of {@code n} nodes puts node {@code i} on
 * {@code 127.0.0.1:700i} and {@code 127.0.0.1:710i}. A file gives the same as properties:
 *
 * <pre>
 * cluster = raftkv-local
 * node.1 = 127.0.0.1:7001 127.0.0.1:7101
 * node.2 = 127.0.0.1:7002 127.0.0.1:7102
 * node.3 = 127.0.0.1:7003 127.0.0.1:7103
 * </pre>
 */
public record ClusterFile(String clusterId, Map<Integer, Addresses> nodes) {

    /** Where one node serves clients and where its peers reach it. */
    public record Addresses(InetSocketAddress client, InetSocketAddress peer) {
        @Override
        public String toString() {
            return hostPort(client) + " " + hostPort(peer);
        }
    }

    public static final String DEFAULT_CLUSTER_ID = "raftkv-local";

    public ClusterFile {
        if (clusterId.isBlank() || clusterId.length() > 100) {
            throw new IllegalArgumentException("a cluster id is 1 to 100 characters, got '" + clusterId + "'");
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one node");
        }
        nodes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
    }

    /** The default local cluster of {@code size} nodes (1 to 9). */
    public static ClusterFile local(int size) {
        if (size < 1 || size > 9) {
            throw new IllegalArgumentException("the local cluster has 1 to 9 nodes, got " + size);
        }
        var nodes = new TreeMap<Integer, Addresses>();
        for (int id = 1; id <= size; id++) {
            nodes.put(id, new Addresses(loopback(7000 + id), loopback(7100 + id)));
        }
        return new ClusterFile(DEFAULT_CLUSTER_ID, nodes);
    }

    /** Reads a cluster file (see above). */
    public static ClusterFile read(Path file) throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        var nodes = new TreeMap<Integer, Addresses>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("node.")) {
                continue;
            }
            String[] parts = properties.getProperty(name).trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + ": " + name + " needs 'clienthost:port peerhost:port'");
            }
            try {
                nodes.put(Integer.parseInt(name.substring(5)), new Addresses(parse(parts[0]), parse(parts[1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": " + name + " is not node.<number>");
            }
        }
        return new ClusterFile(properties.getProperty("cluster", DEFAULT_CLUSTER_ID).trim(), nodes);
    }

    /** The same cluster, written as a file {@link #read} reads. */
    public String toFileText() {
        var text = new StringBuilder("cluster = " + clusterId + "\n");
        nodes.forEach((id, addresses) -> text.append("node.").append(id).append(" = ").append(addresses).append('\n'));
        return text.toString();
    }

    /** The members, for the Raft core. */
    public Membership membership() {
        return Membership.of(nodes.keySet());
    }

    public Addresses addresses(int id) {
        Addresses addresses = nodes.get(id);
        if (addresses == null) {
            throw new IllegalArgumentException("node " + id + " is not in the cluster; its nodes are " + nodes.keySet());
        }
        return addresses;
    }

    /** {@code host:port} parsed into an address. */
    public static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            return new InetSocketAddress(hostPort.substring(0, colon), port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected host:port with a port 0..65535, got '" + hostPort + "'");
        }
    }

    public static String hostPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress("127.0.0.1", port);
    }
}
