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
 * The cluster as Redis Cluster clients see it: one shard that serves all 16384 slots, whose master
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
        this.self = self;
        this.cluster = cluster;
        cluster.nodes().keySet().forEach(id -> ids.put(id, nodeId(cluster.clusterId(), id)));
    }

    /** The 40-hex-digit Redis Cluster id of node {@code id} of the cluster {@code clusterId}. */
    static String nodeId(String clusterId, int id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((clusterId + "/" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** The reply to {@code request} when it is {@code CLUSTER ...}, {@code READONLY} or {@code READWRITE}; else null. */
    Reply answer(List<Bytes> request, NodeState state) {
        String name = request.get(0).asString().toLowerCase(Locale.ROOT);
        if (name.equals("readonly") || name.equals("readwrite")) {
            return request.size() == 1 ? Reply.OK : Reply.error(CommandTable.wrongArity(name));
        }
        if (!name.equals("cluster")) {
            return null;
        }
        if (request.size() < 2) {
            return Reply.error(CommandTable.wrongArity("cluster"));
        }
        String sub = request.get(1).asString().toLowerCase(Locale.ROOT);
        int arity = sub.equals("keyslot") ? 3 : 2;
        if (List.of("slots", "shards", "nodes", "info", "myid", "keyslot").contains(sub) && request.size() != arity) {
            return Reply.error(CommandTable.wrongArity("cluster|" + sub));
        }
        int leader = state.leaderId();
        boolean known = leader != RaftNode.NONE && cluster.nodes().containsKey(leader);
        switch (sub) {
            case "myid":
                return Reply.bulk(ids.get(self));
            case "keyslot":
                return Reply.integer(KeySlot.of(request.get(2)));
            case "info":
                return Reply.bulk(info(state, known));
            default:
                break;
        }
        if (!List.of("slots", "shards", "nodes").contains(sub)) {
            return Reply.error(CommandTable.unknownSubcommand("cluster", request.get(1)));
        }
        if (!known) {
            return Reply.error("CLUSTERDOWN no leader elected yet; try again shortly");
        }
        return switch (sub) {
            case "slots" -> slots(leader);
            case "shards" -> shards(leader, state);
            default -> Reply.bulk(nodes(leader, state));
        };
    }

    /** {@code [[0, 16383, [ip, port, id] of the leader, then of each follower]]}. */
    private Reply slots(int leader) {
        var range = new ArrayList<Reply>(List.of(Reply.integer(0), Reply.integer(KeySlot.SLOTS - 1), node(leader)));
        for (int id : ids.keySet()) {
            if (id != leader) {
                range.add(node(id));
            }
        }
        return Reply.array(List.of(Reply.array(range)));
    }

    private Reply node(int id) {
        InetSocketAddress client = cluster.addresses(id).client();
        return Reply.array(List.of(Reply.bulk(client.getHostString()), Reply.integer(client.getPort()),
                Reply.bulk(ids.get(id))));
    }

    /** Redis 7's {@code CLUSTER SHARDS}: one shard, its slot range and its nodes, as flat name-value lists. */
    private Reply shards(int leader, NodeState state) {
        var nodes = new ArrayList<Reply>();
        for (int id : ordered(leader)) {
            InetSocketAddress client = cluster.addresses(id).client();
            nodes.add(Reply.array(List.of(Reply.bulk("id"), Reply.bulk(ids.get(id)),
                    Reply.bulk("port"), Reply.integer(client.getPort()), Reply.bulk("ip"), Reply.bulk(client.getHostString()),
                    Reply.bulk("endpoint"), Reply.bulk(client.getHostString()),
                    Reply.bulk("role"), Reply.bulk(id == leader ? "master" : "replica"),
                    Reply.bulk("replication-offset"), Reply.integer(id == self ? state.lastApplied() : 0),
                    Reply.bulk("health"), Reply.bulk("online"))));
        }
        return Reply.array(List.of(Reply.array(List.of(Reply.bulk("slots"),
                Reply.array(List.of(Reply.integer(0), Reply.integer(KeySlot.SLOTS - 1))),
                Reply.bulk("nodes"), Reply.array(nodes)))));
    }

    /** {@code CLUSTER NODES}: a line per node, {@code id ip:port@peerport flags master-id 0 0 epoch connected [slots]}. */
    private String nodes(int leader, NodeState state) {
        var text = new StringBuilder();
        for (int id : ordered(leader)) {
            ClusterFile.Addresses a = cluster.addresses(id);
            String flags = (id == self ? "myself," : "") + (id == leader ? "master" : "slave");
            text.append(ids.get(id)).append(' ').append(ClusterFile.hostPort(a.client())).append('@')
                    .append(a.peer().getPort()).append(' ').append(flags).append(' ')
                    .append(id == leader ? "-" : ids.get(leader)).append(" 0 0 ").append(state.term())
                    .append(" connected").append(id == leader ? " 0-" + (KeySlot.SLOTS - 1) : "").append('\n');
        }
        return text.toString();
    }

    private String info(NodeState state, boolean known) {
        int slots = known ? KeySlot.SLOTS : 0;
        return "cluster_enabled:1\r\n"
                + "cluster_state:" + (known ? "ok" : "fail") + "\r\n"
                + "cluster_slots_assigned:" + slots + "\r\n"
                + "cluster_slots_ok:" + slots + "\r\n"
                + "cluster_slots_pfail:0\r\n"
                + "cluster_slots_fail:0\r\n"
                + "cluster_known_nodes:" + ids.size() + "\r\n"
                + "cluster_size:" + (known ? 1 : 0) + "\r\n"
                + "cluster_current_epoch:" + state.term() + "\r\n"
                + "cluster_my_epoch:" + state.term() + "\r\n";
    }

    /** The leader first, then the others by id. */
    private List<Integer> ordered(int leader) {
        var order = new ArrayList<Integer>(List.of(leader));
        ids.keySet().stream().filter(id -> id != leader).forEach(order::add);
        return order;
    }
}
