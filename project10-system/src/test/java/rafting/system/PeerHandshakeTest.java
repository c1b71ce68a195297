package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.ProtocolException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two nodes proving the cluster key to each other, over a pair of pipes instead of a socket. */
@Tag("part2")
class PeerHandshakeTest {

    private static final ClusterKey KEY = ClusterKey.random();

    /** What each side ended with: the peer the acceptor accepted, or the exception that stopped a side. */
    private record Ends(CompletableFuture<Integer> accepted, CompletableFuture<Void> connected) {
    }

    private static Ends shake(ClusterKey connectorKey, ClusterKey acceptorKey, int from, int to) throws IOException {
        var toAcceptor = new PipedOutputStream();
        var acceptorIn = new PipedInputStream(toAcceptor, 1 << 12);
        var toConnector = new PipedOutputStream();
        var connectorIn = new PipedInputStream(toConnector, 1 << 12);
        var accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return new PeerHandshake("blue", acceptorKey).accept(acceptorIn, toConnector, 1, Set.of(2, 3));
            } catch (IOException e) {
                throw new RuntimeException(e);
            } finally {
                close(toConnector);
            }
        });
        var connected = CompletableFuture.runAsync(() -> {
            try {
                new PeerHandshake("blue", connectorKey).connect(connectorIn, toAcceptor, from, to);
            } catch (IOException e) {
                throw new RuntimeException(e);
            } finally {
                close(toAcceptor);
            }
        });
        return new Ends(accepted, connected);
    }

    private static void close(PipedOutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the other side is gone already
        }
    }

    @Test
    void twoNodesWithTheKeyAcceptEachOther() throws Exception {
        Ends ends = shake(KEY, KEY, 2, 1);
        ends.connected().get(10, TimeUnit.SECONDS);
        assertThat(ends.accepted().get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    @Test
    void aConnectingNodeWithoutTheKeyIsRefused() throws Exception {
        Ends ends = shake(ClusterKey.random(), KEY, 2, 1);
        assertThatThrownBy(() -> ends.connected().get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(ProtocolException.class)
                .hasMessageContaining("does not hold this cluster's key");
        assertThatThrownBy(() -> ends.accepted().get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void aNodeNeverProvesItselfToAListenerWithoutTheKey() throws Exception {
        Ends ends = shake(KEY, ClusterKey.random(), 2, 1);
        assertThatThrownBy(() -> ends.connected().get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(ProtocolException.class)
                .hasMessageContaining("n1's address does not hold this cluster's key");
        assertThatThrownBy(() -> ends.accepted().get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void aHandshakeForAnotherNodeOrFromAStrangerIsRefused() throws Exception {
        Ends toNodeFour = shake(KEY, KEY, 2, 4);
        assertThatThrownBy(() -> toNodeFour.accepted().get(10, TimeUnit.SECONDS))
                .hasMessageContaining("a handshake from node 2 to node 4; this is node 1");
        Ends fromStranger = shake(KEY, KEY, 9, 1);
        assertThatThrownBy(() -> fromStranger.accepted().get(10, TimeUnit.SECONDS))
                .hasMessageContaining("a handshake from node 9 to node 1");
    }

    @Test
    void aKeyFileIsCreatedOnceAndReadBackByEveryNode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var file = dir.resolve("cluster.key");
        ClusterKey first = ClusterKey.loadOrCreate(file);
        ClusterKey again = ClusterKey.loadOrCreate(file);
        assertThat(again.mac(new byte[] {1})).isEqualTo(first.mac(new byte[] {1}));
        assertThat(java.nio.file.Files.readString(file).strip()).hasSize(64).matches("[0-9a-f]+");
        java.nio.file.Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> ClusterKey.loadOrCreate(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a cluster key (64 hex digits)");
    }
}
