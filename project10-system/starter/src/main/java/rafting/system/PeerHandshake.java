package rafting.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import rafting.kv.Frames;

/**
 * How two nodes of a cluster prove to each other that they hold its {@link ClusterKey}, before any
 * Raft message is read. Three frames, each side contributing a fresh nonce, so that nothing
 * recorded from an earlier connection can be played again:
 *
 * <pre>
 *   connecting node  → hello:  "RAFTKV2", cluster id, from, to, its nonce
 *   accepting node   → answer: its nonce, HMAC(key, "accept", cluster, from, to, both nonces)
 *   connecting node  → proof:  HMAC(key, "connect", cluster, from, to, both nonces)
 * </pre>
 *
 * Each side checks the other's HMAC; either may hang up at any step. The connection, once proven,
 * is the authenticated peer's, one way: what arrives on it is read as that peer's messages.
 * Frames after the handshake carry no HMAC of their own: someone who could write into an
 * established TCP connection (root on one of the hosts, or on the path between them) could still
 * forge them; TLS would close that, and is not done here.
 */
final class PeerHandshake {

    /** How long each side waits for the other's next handshake frame. */
    static final int TIMEOUT_MILLIS = 5_000;
    private static final byte[] MAGIC = "RAFTKV2".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HELLO = 256;
    private static final int NONCE = 16;
    private static final int PROOF = 32;
    private static final byte[] ACCEPT = "accept".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECT = "connect".getBytes(StandardCharsets.US_ASCII);

    private final String clusterId;
    private final byte[] cluster;
    private final ClusterKey key;

    PeerHandshake(String clusterId, ClusterKey key) {
        this.clusterId = clusterId;
        this.cluster = clusterId.getBytes(StandardCharsets.UTF_8);
        this.key = key;
    }

    /** The first frame of a connection from {@code from} to {@code to}. */
    static byte[] hello(String clusterId, int from, int to, byte[] nonce) {
        byte[] cluster = clusterId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(MAGIC.length + 2 + cluster.length + 8 + nonce.length).put(MAGIC)
                .putShort((short) cluster.length).put(cluster).putInt(from).putInt(to).put(nonce).array();
    }

    /** The connecting side; returns normally once the peer has proven the key and been given this node's proof. */
    void connect(InputStream in, OutputStream out, int from, int to) throws IOException {
        byte[] mine = ClusterKey.nonce();
        Frames.write(out, hello(clusterId, from, to, mine));
        out.flush();
        byte[] answer = Frames.read(in, NONCE + PROOF);
        if (answer == null || answer.length != NONCE + PROOF) {
            throw new ProtocolException("n" + to + " did not answer the handshake (a node of another cluster, or an old version?)");
        }
        byte[] theirs = Arrays.copyOf(answer, NONCE);
        byte[] proof = Arrays.copyOfRange(answer, NONCE, answer.length);
        if (!key.proves(proof, ACCEPT, cluster, number(from), number(to), mine, theirs)) {
            throw new ProtocolException("whoever listens at n" + to + "'s address does not hold this cluster's key");
        }
        Frames.write(out, key.mac(CONNECT, cluster, number(from), number(to), theirs, mine));
        out.flush();
    }

    /**
     * The accepting side, node {@code self} with {@code peers}: returns the id of the peer that has
     * proven the key, or throws with what was wrong.
     */
    int accept(InputStream in, OutputStream out, int self, Set<Integer> peers) throws IOException {
        byte[] hello;
        try {
            hello = Frames.read(in, MAX_HELLO);
        } catch (ProtocolException e) {
            throw new ProtocolException("not a Raft peer handshake (is a client on the peer port?): " + e.getMessage());
        }
        if (hello == null) {
            throw new ProtocolException("closed before its handshake");
        }
        ByteBuffer frame = ByteBuffer.wrap(hello);
        if (hello.length < MAGIC.length + 2 + 8 + NONCE
                || !Arrays.equals(hello, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ProtocolException("not a Raft peer handshake (is a client on the peer port, or a node of an"
                    + " older version?)");
        }
        frame.position(MAGIC.length);
        int size = frame.getShort();
        if (size < 0 || size != frame.remaining() - 8 - NONCE) {
            throw new ProtocolException("a malformed handshake");
        }
        byte[] theirCluster = new byte[size];
        frame.get(theirCluster);
        int from = frame.getInt();
        int to = frame.getInt();
        byte[] theirs = new byte[NONCE];
        frame.get(theirs);
        String theirId = new String(theirCluster, StandardCharsets.UTF_8);
        if (!theirId.equals(clusterId)) {
            throw new ProtocolException("node " + from + " of cluster '" + theirId + "', not of '" + clusterId + "'");
        }
        if (to != self || !peers.contains(from)) {
            throw new ProtocolException("a handshake from node " + from + " to node " + to + "; this is node " + self
                    + " and its peers are " + peers);
        }
        byte[] mine = ClusterKey.nonce();
        byte[] answer = ByteBuffer.allocate(NONCE + PROOF).put(mine)
                .put(key.mac(ACCEPT, cluster, number(from), number(to), theirs, mine)).array();
        Frames.write(out, answer);
        out.flush();
        byte[] proof = Frames.read(in, PROOF);
        if (proof == null || !key.proves(proof, CONNECT, cluster, number(from), number(to), mine, theirs)) {
            throw new ProtocolException("a connection claiming to be n" + from + " does not prove it holds this cluster's key");
        }
        return from;
    }

    private static byte[] number(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }
}
