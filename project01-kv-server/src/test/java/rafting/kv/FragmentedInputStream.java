package rafting.kv;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;

/** Hands out its bytes a few at a time, the way a slow network delivers them. */
final class FragmentedInputStream extends InputStream {

    private final ByteArrayInputStream bytes;
    private final Random random;
    private final int maxChunk;
    private int reads;

    private FragmentedInputStream(byte[] data, int maxChunk, long seed) {
        this.bytes = new ByteArrayInputStream(data);
        this.maxChunk = maxChunk;
        this.random = new Random(seed);
    }

    /** One byte per read. */
    static FragmentedInputStream oneByteAtATime(byte[] data) {
        return new FragmentedInputStream(data, 1, 0);
    }

    /** Between 1 and {@code maxChunk} bytes per read, chosen by a seeded random. */
    static FragmentedInputStream randomChunks(byte[] data, int maxChunk, long seed) {
        return new FragmentedInputStream(data, maxChunk, seed);
    }

    /** How many reads returned data. */
    int reads() {
        return reads;
    }

    /** How many bytes nobody has read yet. */
    int remaining() {
        return bytes.available();
    }

    @Override
    public int read() {
        int b = bytes.read();
        if (b >= 0) {
            reads++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int chunk = maxChunk == 1 ? 1 : 1 + random.nextInt(maxChunk);
        int n = bytes.read(buffer, offset, Math.min(length, chunk));
        if (n > 0) {
            reads++;
        }
        return n;
    }
}
