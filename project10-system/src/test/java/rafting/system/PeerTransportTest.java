package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.kv.Frames;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.Message;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

@Tag("part2")
class PeerTransportTest {

    private static final ClusterKey KEY = ClusterKey.random();

    private final LinkedBlockingQueue<Message> atOne = new LinkedBlockingQueue<>();
    private InetSocketAddress one;
    private InetSocketAddress two;
    private PeerTransport nodeOne;
    private PeerTransport nodeTwo;

    @BeforeEach
    void start() throws IOException {
        one = TestCluster.freeAddress();
        two = TestCluster.freeAddress();
        nodeOne = PeerTransport.start("blue", KEY, 1, one, Map.of(2, two), atOne::addAll);
        nodeTwo = PeerTransport.start("blue", KEY, 2, two, Map.of(1, one), burst -> { });
    }

    @AfterEach
    void stop() {
        nodeOne.close();
        nodeTwo.close();
    }

    private Message next() throws InterruptedException {
        return atOne.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void messagesArriveInOrder() throws InterruptedException {
        for (int term = 1; term <= 100; term++) {
            nodeTwo.send(new RequestVote(2, 1, term, 0, 0, false));
        }
        for (int term = 1; term <= 100; term++) {
            assertThat(next()).isEqualTo(new RequestVote(2, 1, term, 0, 0, false));
        }
    }

    @Test
    void aNodeOfAnotherClusterIsRefused() throws Exception {
        InetSocketAddress stranger = TestCluster.freeAddress();
        try (var red = PeerTransport.start("red", KEY, 2, stranger, Map.of(1, one), burst -> { })) {
            red.send(new RequestVote(2, 1, 66, 0, 0, false));
            nodeTwo.send(new RequestVote(2, 1, 5, 0, 0, false));
            assertThat(next()).isEqualTo(new RequestVote(2, 1, 5, 0, 0, false));
            red.send(new RequestVote(2, 1, 67, 0, 0, false));
            nodeTwo.send(new RequestVoteResponse(2, 1, 6, true, false));
            assertThat(next()).as("the red node's messages never arrive").isEqualTo(new RequestVoteResponse(2, 1, 6, true, false));
        }
    }

    @Test
    void aProcessWithoutTheClusterKeyIsRefusedBeforeAnyOfItsMessagesIsRead() throws Exception {
        InetSocketAddress impostorAddress = TestCluster.freeAddress();
        // Right cluster, right node ids, the public default everything: only the key is missing.
        try (var impostor = PeerTransport.start("blue", ClusterKey.random(), 2, impostorAddress, Map.of(1, one), burst -> { })) {
            impostor.send(new AppendEntries(2, 1, 99, 0, 0, List.of(LogEntry.of(99, "set forged 1")), 0));
            nodeTwo.send(new RequestVote(2, 1, 5, 0, 0, false));
            assertThat(next()).isEqualTo(new RequestVote(2, 1, 5, 0, 0, false));
            impostor.send(new AppendEntries(2, 1, 99, 0, 0, List.of(LogEntry.of(99, "set forged 2")), 0));
            nodeTwo.send(new RequestVoteResponse(2, 1, 6, true, false));
            assertThat(next()).as("the impostor's messages never arrive").isEqualTo(new RequestVoteResponse(2, 1, 6, true, false));
        }
    }

    @Test
    void strayClientsAndRandomBytesOnThePeerPortChangeNothing() throws Exception {
        var random = new Random(7);
        for (int i = 0; i < 20; i++) {
            try (var socket = new Socket()) {
                socket.connect(one, 2000);
                OutputStream out = socket.getOutputStream();
                if (i == 0) {
                    out.write("*1\r\n$4\r\nPING\r\n".getBytes()); // redis-cli on the wrong port
                } else if (i == 1) {
                    Frames.write(out, PeerHandshake.hello("blue", 3, 1, new byte[16])); // a node the cluster lacks
                    Frames.write(out, MessageCodec.encode(new RequestVote(3, 1, 99, 0, 0, false)));
                } else if (i == 2) {
                    Frames.write(out, PeerHandshake.hello("blue", 2, 1, new byte[16])); // a good hello, then junk for a proof
                    out.write(new byte[] {0, 0, 0, 5, 9, 9, 9, 9, 9});
                } else {
                    byte[] junk = new byte[random.nextInt(200)];
                    random.nextBytes(junk);
                    out.write(junk);
                }
                out.flush();
                socket.shutdownOutput();
                socket.getInputStream().read(); // the node closes its end
            }
        }
        nodeTwo.send(new RequestVote(2, 1, 8, 0, 0, false));
        assertThat(next()).isEqualTo(new RequestVote(2, 1, 8, 0, 0, false));
        assertThat(atOne).isEmpty();
    }

    @Test
    void aPeerThatRestartsIsReconnectedTo() throws Exception {
        nodeTwo.send(new RequestVote(2, 1, 1, 0, 0, false));
        assertThat(next()).isNotNull();
        nodeOne.close();
        nodeOne = PeerTransport.start("blue", KEY, 1, one, Map.of(2, two), atOne::addAll);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Message got = null;
        while (got == null && System.nanoTime() < deadline) {
            nodeTwo.send(new RequestVote(2, 1, 2, 0, 0, false)); // lost until the link is back
            got = atOne.poll(50, TimeUnit.MILLISECONDS);
        }
        assertThat(got).isEqualTo(new RequestVote(2, 1, 2, 0, 0, false));
    }

    @Test
    void aDeadPeerCostsABoundedQueue() {
        nodeOne.close();
        for (int i = 0; i < PeerLink.DEFAULT_QUEUE * 10; i++) {
            nodeTwo.send(new RequestVote(2, 1, i + 1, 0, 0, false));
        }
        // The queue holds at most DEFAULT_QUEUE messages; the rest were dropped, not kept.
        assertThat(nodeTwo.dropped()).isGreaterThanOrEqualTo(PeerLink.DEFAULT_QUEUE);
    }
}
