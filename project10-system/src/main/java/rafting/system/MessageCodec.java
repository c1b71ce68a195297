package rafting.system;

import java.net.ProtocolException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.InstallSnapshot;
import rafting.replication.InstallSnapshotResponse;
import rafting.replication.Message;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

/**
 * The six Raft messages in a compact binary form, one message per frame. Big-endian, no
 * padding, nothing but the fields:
 *
 * <pre>
 *   byte type (1..6), int from, int to, long term, then
 *   1 AppendEntries           long prevIndex, long prevTerm, long commit, long round, int n, n x (long term, int size, bytes)
 *   2 AppendEntriesResponse   byte success, long matchIndex, long hintIndex, long round
 *   3 RequestVote             long lastIndex, long lastTerm, byte preVote
 *   4 RequestVoteResponse     byte granted, byte preVote
 *   5 InstallSnapshot         long lastIndex, long lastTerm, long offset, byte done, int size, bytes
 *   6 InstallSnapshotResponse long lastIndex, long nextOffset, byte installed
 * </pre>
 *
 * Decoding trusts nothing: a short frame, an unknown type, a count or size larger than the bytes
 * that follow, bytes left over, or values a message cannot hold are a {@link ProtocolException}.
 */
public final class MessageCodec {

    private static final byte APPEND = 1;
    private static final byte APPEND_RESPONSE = 2;
    private static final byte VOTE = 3;
    private static final byte VOTE_RESPONSE = 4;
    private static final byte SNAPSHOT = 5;
    private static final byte SNAPSHOT_RESPONSE = 6;
    private static final int COMMON = 1 + 4 + 4 + 8;
    private static final int ENTRY_HEADER = 8 + 4;

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        ByteBuffer out;
        if (message instanceof AppendEntries m) {
            long size = COMMON + 8 * 4 + 4;
            var commands = new ArrayList<byte[]>(m.entries().size());
            for (LogEntry entry : m.entries()) {
                byte[] command = entry.command();
                commands.add(command);
                size += ENTRY_HEADER + command.length;
            }
            if (size > PeerTransport.MAX_FRAME) {
                throw new IllegalArgumentException("an AppendEntries of " + size + " bytes is larger than a peer frame ("
                        + PeerTransport.MAX_FRAME + "): " + m.from() + "->" + m.to() + " with " + m.entries().size()
                        + " entries from " + (m.prevLogIndex() + 1));
            }
            out = header((int) size, APPEND, m).putLong(m.prevLogIndex()).putLong(m.prevLogTerm()).putLong(m.leaderCommit())
                    .putLong(m.round()).putInt(commands.size());
            for (int i = 0; i < commands.size(); i++) {
                out.putLong(m.entries().get(i).term()).putInt(commands.get(i).length).put(commands.get(i));
            }
        } else if (message instanceof AppendEntriesResponse m) {
            out = header(COMMON + 1 + 24, APPEND_RESPONSE, m).put(bool(m.success())).putLong(m.matchIndex())
                    .putLong(m.hintIndex()).putLong(m.round());
        } else if (message instanceof RequestVote m) {
            out = header(COMMON + 16 + 1, VOTE, m).putLong(m.lastLogIndex()).putLong(m.lastLogTerm()).put(bool(m.preVote()));
        } else if (message instanceof RequestVoteResponse m) {
            out = header(COMMON + 2, VOTE_RESPONSE, m).put(bool(m.granted())).put(bool(m.preVote()));
        } else if (message instanceof InstallSnapshot m) {
            long size = COMMON + 24 + 1 + 4 + (long) m.size();
            if (size > PeerTransport.MAX_FRAME) {
                throw new IllegalArgumentException("a snapshot chunk of " + m.size() + " bytes is larger than a peer frame ("
                        + PeerTransport.MAX_FRAME + "): " + m);
            }
            out = header((int) size, SNAPSHOT, m).putLong(m.lastIncludedIndex()).putLong(m.lastIncludedTerm())
                    .putLong(m.offset()).put(bool(m.done())).putInt(m.size()).put(m.data());
        } else if (message instanceof InstallSnapshotResponse m) {
            out = header(COMMON + 17, SNAPSHOT_RESPONSE, m).putLong(m.lastIncludedIndex()).putLong(m.nextOffset())
                    .put(bool(m.installed()));
        } else {
            throw new AssertionError("unknown message " + message);
        }
        return out.array();
    }

    public static Message decode(byte[] frame) throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(frame);
        try {
            byte type = in.get();
            int from = in.getInt();
            int to = in.getInt();
            long term = in.getLong();
            Message message = switch (type) {
                case APPEND -> {
                    long prevIndex = in.getLong();
                    long prevTerm = in.getLong();
                    long commit = in.getLong();
                    long round = in.getLong();
                    int n = in.getInt();
                    if (n < 0 || n > in.remaining() / ENTRY_HEADER) {
                        throw new ProtocolException("AppendEntries claims " + n + " entries in " + in.remaining() + " bytes");
                    }
                    var entries = new ArrayList<LogEntry>(n);
                    for (int i = 0; i < n; i++) {
                        long entryTerm = in.getLong();
                        int size = in.getInt();
                        if (size < 0 || size > in.remaining()) {
                            throw new ProtocolException("entry " + (i + 1) + " claims " + size + " bytes; "
                                    + in.remaining() + " remain");
                        }
                        byte[] command = new byte[size];
                        in.get(command);
                        entries.add(new LogEntry(entryTerm, command));
                    }
                    yield new AppendEntries(from, to, term, prevIndex, prevTerm, List.copyOf(entries), commit, round);
                }
                case APPEND_RESPONSE -> new AppendEntriesResponse(from, to, term, bool(in.get()), in.getLong(), in.getLong(),
                        in.getLong());
                case VOTE -> new RequestVote(from, to, term, in.getLong(), in.getLong(), bool(in.get()));
                case VOTE_RESPONSE -> new RequestVoteResponse(from, to, term, bool(in.get()), bool(in.get()));
                case SNAPSHOT -> {
                    long lastIndex = in.getLong();
                    long lastTerm = in.getLong();
                    long offset = in.getLong();
                    boolean done = bool(in.get());
                    int size = in.getInt();
                    if (size < 0 || size > in.remaining()) {
                        throw new ProtocolException("a snapshot chunk claims " + size + " bytes; " + in.remaining() + " remain");
                    }
                    byte[] data = new byte[size];
                    in.get(data);
                    yield new InstallSnapshot(from, to, term, lastIndex, lastTerm, offset, data, done);
                }
                case SNAPSHOT_RESPONSE -> new InstallSnapshotResponse(from, to, term, in.getLong(), in.getLong(), bool(in.get()));
                default -> throw new ProtocolException("unknown message type " + type);
            };
            if (in.hasRemaining()) {
                throw new ProtocolException(in.remaining() + " bytes left over after " + message);
            }
            return message;
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("message ends early: " + frame.length + " bytes");
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("not a valid message: " + e.getMessage());
        }
    }

    private static ByteBuffer header(int size, byte type, Message m) {
        return ByteBuffer.allocate(size).put(type).putInt(m.from()).putInt(m.to()).putLong(m.term());
    }

    private static byte bool(boolean value) {
        return (byte) (value ? 1 : 0);
    }

    private static boolean bool(byte value) throws ProtocolException {
        if (value != 0 && value != 1) {
            throw new ProtocolException("a flag is 0 or 1, got " + value);
        }
        return value == 1;
    }
}
