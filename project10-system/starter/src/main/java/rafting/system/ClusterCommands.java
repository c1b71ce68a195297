package rafting.system;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import rafting.election.NodeState;
import rafting.election.RaftNode;
import rafting.kv.Bytes;
import rafting.kv.CommandTable;
import rafting.kv.Reply;

/**
 * Part 5: the cluster as Redis Cluster clients see it: one shard that serves all 16384 slots, whose master
 * is the current Raft leader and whose replicas are the followers. {@code CLUSTER SLOTS},
 * {@code SHARDS}, {@code NODES}, {@code INFO}, {@code MYID} and {@code KEYSLOT} answer from this
 * node's latest view, so a client that starts at any node routes every command to the leader,
 * and after a failover follows {@code -MOVED} and asks again. While this node knows no leader the
 * topology commands answer {@code -CLUSTERDOWN}, which clients wait out.
 *
 * <p>{@code READONLY} and {@code READWRITE} answer {@code OK} and change nothing: only the
 * leader answers reads (at its read index, Project 11), so a follower answers {@code -MOVED} to
 * reads too, and a client that reads from replicas is sent to the leader. That keeps reads
 * linearizable. (A follower could serve them itself and stay linearizable: ask the leader for a
 * read index, wait until it has applied that far, read. Ours do not.)
 *
 * <p>Node ids are 40 hex digits, as Redis's are: the SHA-1 of the cluster's id and the node's.
 */
final class ClusterCommands {

    private final int self;
    private final ClusterFile cluster;
    private final Map<Integer, String> ids = new TreeMap<>();

    ClusterCommands(int self, ClusterFile cluster) {

        throw new UnsupportedOperationException("Part 5: remember the node and the cluster");

    }

    /** The 40-hex-digit Redis Cluster id of node {@code id} of the cluster {@code clusterId}. */
    static String nodeId(String clusterId, int id) {
        throw new UnsupportedOperationException("Part 5: CLUSTER nodeId");
    }

    /** The reply to {@code request} when it is {@code CLUSTER ...}, {@code READONLY} or {@code READWRITE}; else null. */
    Reply answer(List<Bytes> request, NodeState state) {
        throw new UnsupportedOperationException("Part 5: CLUSTER answer");
    }

    /** {@code [[0, 16383, [ip, port, id] of the leader, then of each follower]]}. */
    private Reply slots(int leader) {
        throw new UnsupportedOperationException("Part 5: CLUSTER slots");
    }

    private Reply node(int id) {

        throw new UnsupportedOperationException("Part 5: CLUSTER node");

    }

    /** Redis 7's {@code CLUSTER SHARDS}: one shard, its slot range and its nodes, as flat name-value lists. */
    private Reply shards(int leader, NodeState state) {
        throw new UnsupportedOperationException("Part 5: CLUSTER shards");
    }

    /** {@code CLUSTER NODES}: a line per node, {@code id ip:port@peerport flags master-id 0 0 epoch connected [slots]}. */
    private String nodes(int leader, NodeState state) {
        throw new UnsupportedOperationException("Part 5: CLUSTER nodes");
    }

    private String info(NodeState state, boolean known) {

        throw new UnsupportedOperationException("Part 5: CLUSTER info");

    }

    /** The leader first, then the others by id. */
    private List<Integer> ordered(int leader) {
        throw new UnsupportedOperationException("Part 5: CLUSTER ordered");
    }
}
