package rafting.system;

import java.net.ProtocolException;
import rafting.replication.Message;

/**
 * Part 2: the four Raft messages of Project 5 in a compact binary form, one message per frame
 * (never Java serialization). Big-endian ({@code ByteBuffer}'s default), no padding, nothing but
 * the fields. The tests edit encoded frames at fixed places, so keep this layout:
 *
 * <pre>
 *   byte type (1..4), int from, int to, long term, then
 *   1 AppendEntries           long prevIndex, long prevTerm, long commit, long round, int n, n x (long term, int size, bytes)
 *   2 AppendEntriesResponse   byte success, long matchIndex, long hintIndex, long round
 *   3 RequestVote             long lastIndex, long lastTerm, byte preVote
 *   4 RequestVoteResponse     byte granted, byte preVote
 * </pre>
 *
 * (So the type is byte 0, {@code to} is bytes 5 to 8, an empty AppendEntries ends with its count
 * {@code n}, and a RequestVoteResponse ends with a flag.) A flag is the byte 0 or 1.
 *
 * <p>Decoding trusts nothing: a peer, or anyone on the peer port, may send any bytes. Every way a
 * frame can be wrong is a {@link ProtocolException} (never another exception, whatever the
 * bytes), and nothing is allocated for a count or a size before it is checked against the bytes
 * that remain. What the tests check of the messages:
 * <ul>
 *   <li>a frame cut short anywhere, even to 0 bytes: a {@code ProtocolException} (the reference:
 *       {@code message ends early: 12 bytes});
 *   <li>an unknown type: {@code unknown message type 9};
 *   <li>a flag other than 0 or 1: a message containing {@code a flag is 0 or 1} ({@code a flag is 0 or 1, got 7});
 *   <li>an entry count larger than the bytes left can hold (at least 12 bytes an entry): a message
 *       containing {@code claims 2147483647 entries} ({@code AppendEntries claims 2147483647 entries in 0 bytes});
 *   <li>bytes after the message: a message containing {@code left over} ({@code 1 bytes left over after ...});
 *   <li>fields no message can hold, which the message records refuse with an
 *       {@code IllegalArgumentException} (a message to its sender, a server below 1): a message
 *       containing {@code not a valid message}.
 * </ul>
 */
public final class MessageCodec {

    private MessageCodec() {
    }

    /** Part 2: the frame of {@code message}, laid out as above. */
    public static byte[] encode(Message message) {
        throw new UnsupportedOperationException("Part 2: encode a message");
    }

    /** Part 2: the message a frame holds; {@code decode(encode(m))} equals {@code m}. */
    public static Message decode(byte[] frame) throws ProtocolException {
        throw new UnsupportedOperationException("Part 2: decode a frame, trusting nothing");
    }
}
