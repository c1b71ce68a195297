package rafting.kv;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;

/**
 * Part 1: size-prefixed messages over a byte stream: a 4-byte big-endian length, then that many
 * bytes.
 *
 * <p>TCP delivers a stream of bytes, not messages: one {@code write} of 100 bytes may arrive as
 * one read of 100 bytes, as ten reads of 10, or glued to the next message. The length prefix
 * puts the message boundaries back. Any {@code read} may return fewer bytes than you asked for,
 * so both the prefix and the payload must be read in a loop.
 */
public final class Frames {

    /** Bytes in the length prefix. */
    public static final int HEADER_BYTES = 4;

    private Frames() {}

    /**
     * Writes the 4-byte big-endian length of {@code payload}, then the payload, and flushes.
     * (Writing prefix and payload in one {@code write} call saves a packet.)
     */
    public static void write(OutputStream out, byte[] payload) throws IOException {
        throw new UnsupportedOperationException("Part 1: write the length prefix and the payload, then flush");
    }

    /**
     * Reads exactly one whole message, however the bytes are fragmented on the way.
     *
     * @param maxSize the largest payload the caller accepts
     * @return the payload, or {@code null} if the stream ended cleanly before the first byte of a
     *     message
     * @throws EOFException if the stream ends in the middle of a message, with a message that
     *     says how far it got: {@code stream closed after 2 of 4 bytes of the length prefix}, or
     *     {@code stream closed after 3 of 10 bytes of a message}
     * @throws ProtocolException if the declared size is negative or above {@code maxSize}:
     *     {@code declared message size 17 is outside 0..16}; thrown before anything is allocated,
     *     so a peer that announces 2 GiB cannot make us reserve 2 GiB
     */
    public static byte[] read(InputStream in, int maxSize) throws IOException {
        throw new UnsupportedOperationException("Part 1: read the length prefix, check it, then read the payload");
    }
}
