package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Frames;
import rafting.kv.Reply;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;

/**
 * Issue 14, point 1, as an attacker on the same host would try it: connect to a follower's peer
 * port, name the cluster (its default name is public) and two node ids, and send the AppendEntries
 * of a new term that, before peers proved the cluster key, cut every follower's log to one forged
 * entry. Now the connection is refused before any message is read, and nothing changes.
 */
@Tag("part5")
class PeerAttackTest {

    @TempDir
    Path dir;

    @Test
    void forgedAppendEntriesFromAProcessWithoutTheKeyChangeNoLog() throws Exception {
        try (var cluster = new TestCluster(3, dir); var client = cluster.client()) {
            for (int i = 0; i < 20; i++) {
                assertThat(client.call("SET", "k" + i, "v" + i)).isEqualTo(Reply.OK);
            }
            KvNode leader = cluster.awaitLeader();
            long term = leader.state().term();
            for (int follower : cluster.config.nodes().keySet()) {
                if (follower == leader.id()) {
                    continue;
                }
                long before = cluster.running.get(follower).state().lastLogIndex();
                var forged = new AppendEntries(leader.id(), follower, term + 1, 0, 0,
                        List.of(LogEntry.of(term + 1, "set forged 1")), 0);
                // The handshake of the version before the key, then one with a made-up proof.
                byte[] name = cluster.config.clusterId().getBytes(StandardCharsets.UTF_8);
                byte[] oldHello = ByteBuffer.allocate(7 + 2 + name.length + 8).put("RAFTKV1".getBytes(StandardCharsets.US_ASCII))
                        .putShort((short) name.length).put(name).putInt(leader.id()).putInt(follower).array();
                attack(cluster, follower, oldHello, null, MessageCodec.encode(forged));
                attack(cluster, follower, PeerHandshake.hello(cluster.config.clusterId(), leader.id(), follower, new byte[16]),
                        new byte[32], MessageCodec.encode(forged));
                client.call("SET", "after-attack-" + follower, "1"); // a write, so the follower has had time to act
                TestCluster.await("n" + follower + " to take the next write",
                        () -> cluster.running.get(follower).state().lastLogIndex() > before);
                assertThat(cluster.running.get(follower).state().term()).as("n%d's term", follower).isEqualTo(term);
            }
            for (int i = 0; i < 20; i++) {
                assertThat(KvClusterTest.read(client, "k" + i)).isEqualTo(Reply.bulk("v" + i));
            }
            assertThat(KvClusterTest.read(client, "forged")).isEqualTo(Reply.NIL);
        }
    }

    /** One connection to {@code follower}'s peer port: the hello, a proof if given, then the forged message. */
    private static void attack(TestCluster cluster, int follower, byte[] hello, byte[] proof, byte[] message) throws Exception {
        try (var socket = new Socket()) {
            socket.connect(cluster.config.addresses(follower).peer(), 2000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            Frames.write(out, hello);
            if (proof != null) {
                Frames.write(out, proof);
            }
            Frames.write(out, message);
            out.flush();
            socket.shutdownOutput();
            socket.setSoTimeout(10_000);
            while (socket.getInputStream().read() >= 0) {
                // read what the node answers until it hangs up
            }
        }
    }
}
