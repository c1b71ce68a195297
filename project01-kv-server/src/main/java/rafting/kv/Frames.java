package rafting.kv;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;

/**
 * Size-prefixed messages over a byte stream: a 4-byte big-endian length, then that many bytes.
 *
 * <p>TCP delivers a stream of bytes, not messages: one {@code write} of 100 bytes may arrive as
 * one read of 100 bytes, as ten reads of 10, or glued to the next message. The length prefix
 * puts the message boundaries back, and {@link #read} keeps reading until it holds exactly one
 * whole message.
 *
 * <pre>{@code
 * Frames.write(out, "hello".getBytes(UTF_8));
 * byte[] message = Frames.read(in, 1 << 20);   // null once the peer has closed cleanly
 * }</pre>
 */
public final class Frames {

    /** Bytes in the length prefix. */
    public static final int HEADER_BYTES = 4;

    private Frames() {}

    /** Writes one whole message (prefix and payload in a single write) and flushes. */
    public static void write(OutputStream out, byte[] payload) throws IOException {
        int n = payload.length;
        byte[] frame = new byte[HEADER_BYTES + n];
        frame[0] = (byte) (n >>> 24);
        frame[1] = (byte) (n >>> 16);
        frame[2] = (byte) (n >>> 8);
        frame[3] = (byte) n;
        System.arraycopy(payload, 0, frame, HEADER_BYTES, n);
        out.write(frame);
        out.flush();
    }

    /**
     * Reads exactly one whole message, however the bytes are fragmented on the way.
     *
     * @param maxSize the largest payload the caller accepts; a larger declared size is refused
     *     before anything is allocated, so a peer cannot make us reserve memory by lying
     * @return the payload, or {@code null} if the stream ended cleanly before the next message
     * @throws EOFException if the stream ends in the middle of a message
     * @throws ProtocolException if the declared size is negative or above {@code maxSize}
     */
    public static byte[] read(InputStream in, int maxSize) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        int got = readFully(in, header);
        if (got == 0) {
            return null;
        }
        if (got < HEADER_BYTES) {
            throw new EOFException("stream closed after " + got + " of " + HEADER_BYTES
                    + " bytes of the length prefix");
        }
        int size = (header[0] & 0xff) << 24 | (header[1] & 0xff) << 16
                | (header[2] & 0xff) << 8 | (header[3] & 0xff);
        if (size < 0 || size > maxSize) {
            throw new ProtocolException("declared message size " + size
                    + " is outside 0.." + maxSize);
        }
        byte[] payload = new byte[size];
        got = readFully(in, payload);
        if (got < size) {
            throw new EOFException("stream closed after " + got + " of " + size
                    + " bytes of a message");
        }
        return payload;
    }

    /** Fills {@code buffer} unless the stream ends first; returns how many bytes were read. */
    private static int readFully(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            // One read returns whatever has arrived so far, often less than we asked for.
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}
