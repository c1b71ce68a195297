package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.election.Role;
import rafting.kv.Reply;

@Tag("part5")
class KvClusterTest {

    @TempDir
    Path dir;

    @Test
    void electsOneLeaderAndEveryOtherNodeFollowsIt() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            TestCluster.await("every node to follow the leader", () -> cluster.running.values().stream()
                    .allMatch(n -> n.state().leaderId() == leader.id()));
            assertThat(cluster.running.values().stream().filter(n -> n.state().role() == Role.LEADER)).hasSize(1);
        }
    }

    @Test
    void aWriteOnOneNodeIsReadOnEveryOther() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            cluster.awaitLeader();
            try (var client = cluster.clientOf(1)) {
                assertThat(client.call("SET", "x", "hello")).isEqualTo(Reply.OK);
            }
            for (int id = 1; id <= 3; id++) {
                try (var client = cluster.clientOf(id)) {
                    assertThat(client.call("GET", "x")).as("read through n%d", id).isEqualTo(Reply.bulk("hello"));
                }
            }
            TestCluster.await("every store to hold x", () -> cluster.running.values().stream()
                    .allMatch(n -> n.state().lastApplied() >= 2));
        }
    }

    @Test
    void aFollowerRedirectsToTheLeader() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            TestCluster.await("every node to know the leader", () -> cluster.running.values().stream()
                    .allMatch(n -> n.state().leaderId() == leader.id()));
            int follower = leader.id() % 3 + 1;
            try (var raw = new RawResp(cluster.config.addresses(follower).client())) {
                assertThat(raw.call("SET", "x", "1")).isEqualTo(Reply.error(
                        "MOVED 0 " + ClusterFile.hostPort(cluster.config.addresses(leader.id()).client())));
                assertThat(raw.call("INFO", "raft").toString()).contains("role:follower", "leader_id:" + leader.id(),
                        "node_id:" + follower);
            }
        }
    }

    @Test
    void anAcknowledgedWriteSurvivesTheLossOfTheLeader() throws Exception {
        try (var cluster = new TestCluster(3, dir); var client = cluster.client()) {
            for (int i = 0; i < 20; i++) {
                assertThat(client.call("SET", "k" + i, "v" + i)).isEqualTo(Reply.OK);
            }
            KvNode old = cluster.awaitLeader();
            cluster.stop(old.id());
            TestCluster.await("a new leader", () -> cluster.leader().isPresent());
            for (int i = 0; i < 20; i++) {
                assertThat(read(client, "k" + i)).isEqualTo(Reply.bulk("v" + i));
            }
            assertThat(client.call("SET", "after", "1")).isEqualTo(Reply.OK);
        }
    }

    @Test
    void aRestartedNodeRecoversItsLogFromItsFiles() throws Exception {
        try (var cluster = new TestCluster(3, dir); var client = cluster.client()) {
            for (int i = 0; i < 10; i++) {
                client.call("SET", "k" + i, "v" + i);
            }
            KvNode leader = cluster.awaitLeader();
            int follower = leader.id() % 3 + 1;
            long committed = leader.state().commitIndex();
            cluster.stop(follower);
            assertThat(client.call("SET", "while-down", "1")).isEqualTo(Reply.OK);
            KvNode back = cluster.start(follower);
            assertThat(back.state().lastLogIndex()).as("its log, read from its files").isGreaterThanOrEqualTo(committed);
            TestCluster.await("the restarted node to catch up", () -> back.state().lastApplied() >= committed + 1);
            cluster.stop(leader.id());
            TestCluster.await("a new leader", () -> cluster.leader().isPresent());
            assertThat(read(client, "while-down")).isEqualTo(Reply.bulk("1"));
            assertThat(read(client, "k9")).isEqualTo(Reply.bulk("v9"));
        }
    }

    /** A read, sent again if the connection broke under it: reads change nothing, so that is safe. */
    static Reply read(ClusterClient client, String key) throws IOException {
        try {
            return client.call("GET", key);
        } catch (IOException e) {
            return client.call("GET", key);
        }
    }

    @Test
    void aCommandWaitingOnADeposedLeaderGetsItsRealOutcome() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode leader = cluster.awaitLeader();
            List<Integer> followers = cluster.config.nodes().keySet().stream().filter(id -> id != leader.id()).toList();
            followers.forEach(cluster::stop);
            try (var raw = new RawResp(cluster.config.addresses(leader.id()).client())) {
                // Sent, but no majority can commit it: the leader steps down (check-quorum) with it pending.
                raw.out.writeCommand(List.of(rafting.kv.Bytes.of("SET"), rafting.kv.Bytes.of("orphan"),
                        rafting.kv.Bytes.of("1"))).flush();
                TestCluster.await("the leader to step down", () -> leader.state().role() != Role.LEADER);
                for (int id : followers) {
                    cluster.start(id);
                }
                Reply outcome = raw.in.readReply();
                Reply stored;
                try (var client = cluster.client()) {
                    stored = read(client, "orphan");
                }
                if (outcome.equals(Reply.OK)) {
                    assertThat(stored).as("acknowledged, so committed").isEqualTo(Reply.bulk("1"));
                } else {
                    assertThat(outcome.toString()).as("the only other answer").contains("ERR lost");
                    assertThat(stored).as("lost, so never applied").isEqualTo(Reply.NIL);
                }
            }
        }
    }
}
