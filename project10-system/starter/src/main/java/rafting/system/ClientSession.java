package rafting.system;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import rafting.kv.Bytes;

/**
 * Part 4: one client connection, on a thread of its own: read every command that has arrived (a
 * client may pipeline many), hand them to {@link #answer}, then write the replies in the order the
 * commands came, in one flush. Malformed RESP gets an error and then the connection is closed,
 * since the next command's start is lost.
 */
final class ClientSession {

    private ClientSession() {
    }

    /**
     * Part 4: the replies to a pipeline of requests, in order. {@code PING}, {@code INFO},
     * {@code QUIT} and the {@link ClusterCommands} are answered here, without the log, and so is a
     * command that does not parse (its error); every other command goes to the node's loop, all
     * of them in one post, and its future completes when its entry is applied (or with
     * {@code -MOVED}, {@code -CLUSTERDOWN}, {@code -ERR lost}). The {@link KvNodeSimulation}'s
     * clients call this too, without a socket (Part 7).
     */
    static List<CompletableFuture<byte[]>> answer(KvNode node, ClusterCommands cluster, List<List<Bytes>> pipeline) {
        throw new UnsupportedOperationException("Part 4: answer a pipeline of requests");
    }

    /**
     * Part 4: {@link #answer} on a connection behind {@code auth} (the given {@link ClientAuth}):
     * a request the gate answers or stops gets the gate's reply and goes no further.
     */
    static List<CompletableFuture<byte[]>> answer(KvNode node, ClusterCommands cluster, ClientAuth auth,
            List<List<Bytes>> pipeline) {
        throw new UnsupportedOperationException("Part 4: answer a pipeline of requests behind the gate");
    }
}
