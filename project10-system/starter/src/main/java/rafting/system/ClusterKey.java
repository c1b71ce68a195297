package rafting.system;

import static java.lang.System.Logger.Level.INFO;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret every node of one cluster holds: 32 random bytes, kept in a key file of 64 hex
 * digits that only its owner may read. Peers prove to each other that they hold it, with an
 * HMAC-SHA256 over both sides' fresh nonces, before any Raft message is read (see
 * {@link PeerTransport}); so a process that can reach a peer port but cannot read the key file
 * cannot take part in the cluster.
 *
 * <pre>{@code
 * ClusterKey key = ClusterKey.loadOrCreate(Path.of("data/cluster.key"));
 * }</pre>
 */
public final class ClusterKey {

    static final int BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(ClusterKey.class.getName());

    private final byte[] key;

    /** A key of {@link #BYTES} bytes; for a key file, {@link #loadOrCreate}. */
    public ClusterKey(byte[] key) {
        if (key.length != BYTES) {
            throw new IllegalArgumentException("a cluster key is " + BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** A fresh random key. */
    public static ClusterKey random() {
        byte[] key = new byte[BYTES];
        RANDOM.nextBytes(key);
        return new ClusterKey(key);
    }

    /**
     * The key in {@code file}; if there is none yet, a new random one, written there readable by
     * its owner only (several nodes starting at once all end up with the one that was written first).
     */
    public static ClusterKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return new ClusterKey(HexFormat.of().parseHex(text));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a cluster key (64 hex digits); restore it from another node of the"
                    + " cluster, or delete it on every node to start a new cluster", e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "cluster-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without owners: the folder's protection is all there is
            }
            Files.writeString(temp, HexFormat.of().formatHex(random().key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(file, temp); // atomic, and fails if another node wrote its key first
            LOG.log(INFO, () -> "created the cluster key " + file + "; every node of the cluster needs this file");
        } catch (FileAlreadyExistsException another) {
            // another node of this machine created it first: use that one
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Fresh random bytes for a handshake's nonce. */
    static byte[] nonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** HMAC-SHA256 of the parts, each prefixed with its length so that no two lists of parts collide. */
    byte[] mac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            for (byte[] part : parts) {
                mac.update(ByteBuffer.allocate(4).putInt(part.length).array());
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    /** True if {@code proof} is the MAC of the parts, compared in constant time. */
    boolean proves(byte[] proof, byte[]... parts) {
        return MessageDigest.isEqual(proof, mac(parts));
    }

    @Override
    public String toString() {
        return "ClusterKey(secret)";
    }
}
