package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Reply;

/** The cluster seen as a one-shard Redis Cluster: every slot on the leader, the followers its replicas. */
@Tag("part5")
class ClusterCommandsTest {

    @TempDir
    Path dir;

    @Test
    void aFollowerDescribesTheLeaderAsTheMasterOfEverySlot() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            TestCluster.await("every node to know the leader", () -> cluster.running.values().stream()
                    .allMatch(n -> n.state().leaderId() == leader.id()));
            int follower = leader.id() % 3 + 1;
            String leaderId = ClusterCommands.nodeId(cluster.config.clusterId(), leader.id());
            try (var raw = new RawResp(cluster.config.addresses(follower).client())) {
                List<Reply> range = ((Reply.Array) ((Reply.Array) raw.call("CLUSTER", "SLOTS")).items().get(0)).items();
                assertThat(range.subList(0, 2)).containsExactly(Reply.integer(0), Reply.integer(16383));
                int leaderPort = cluster.config.addresses(leader.id()).client().getPort();
                assertThat(range.get(2)).isEqualTo(Reply.array(List.of(Reply.bulk("127.0.0.1"), Reply.integer(leaderPort),
                        Reply.bulk(leaderId))));
                assertThat(range).hasSize(5);

                assertThat(raw.call("CLUSTER", "MYID")).isEqualTo(Reply.bulk(
                        ClusterCommands.nodeId(cluster.config.clusterId(), follower)));
                assertThat(raw.call("CLUSTER", "KEYSLOT", "foo")).isEqualTo(Reply.integer(12182));
                String nodes = raw.call("CLUSTER", "NODES").toString();
                assertThat(nodes).contains(leaderId + " 127.0.0.1:" + leaderPort + "@", " master - 0 0 ", " connected 0-16383")
                        .contains("myself,slave " + leaderId);
                assertThat(raw.call("CLUSTER", "INFO").toString()).contains("cluster_state:ok", "cluster_size:1",
                        "cluster_known_nodes:3");
                String shards = raw.call("CLUSTER", "SHARDS").toString();
                assertThat(shards).contains("\"slots\", [(integer) 0, (integer) 16383]", "\"role\", \"master\"",
                        "\"role\", \"replica\"");
                assertThat(raw.call("READONLY")).isEqualTo(Reply.OK);
                assertThat(raw.call("GET", "foo")).isEqualTo(Reply.error("MOVED 12182 127.0.0.1:" + leaderPort));
                assertThat(raw.call("CLUSTER", "NOPE")).isEqualTo(Reply.error("ERR unknown subcommand 'NOPE'. Try CLUSTER HELP."));
                assertThat(raw.call("CLUSTER", "SLOTS", "x")).isEqualTo(
                        Reply.error("ERR wrong number of arguments for 'cluster|slots' command"));
                assertThat(raw.call("HELLO").toString()).contains("\"mode\", \"cluster\", \"role\", \"replica\"");
            }
        }
    }
}
