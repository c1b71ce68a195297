package rafting.system;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import rafting.consensus.StateMachine;
import rafting.kv.Bytes;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;
import rafting.kv.KvStore;
import rafting.kv.Reply;

/**
 * Project 1's {@link KvStore} as Raft's state machine. A log entry holds a command's arguments
 * ({@link #encode}: an int count, then each argument as an int size and its bytes); applying it
 * runs the command on the store and returns the reply exactly as it goes on the wire, RESP2, so
 * the client's connection sends those bytes as they are.
 */
public final class KvStateMachine implements StateMachine {

    private static final byte[] CRLF = {'\r', '\n'};

    private final KvStore store = new KvStore();

    /** The entry bytes for {@code command}. */
    public static byte[] encode(KvCommand command) {
        List<Bytes> args = command.args();
        int size = 4;
        var parts = new ArrayList<byte[]>(args.size());
        for (Bytes arg : args) {
            byte[] bytes = arg.toByteArray();
            parts.add(bytes);
            size += 4 + bytes.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(parts.size());
        for (byte[] part : parts) {
            out.putInt(part.length).put(part);
        }
        return out.array();
    }

    /** The command an entry holds; an entry that is not one (which the leader never writes) is refused. */
    static KvCommand decode(byte[] entry) throws InvalidCommandException {
        try {
            ByteBuffer in = ByteBuffer.wrap(entry);
            int n = in.getInt();
            if (n < 1 || n > in.remaining() / 4) {
                throw new InvalidCommandException("ERR a log entry with " + n + " arguments");
            }
            var args = new ArrayList<Bytes>(n);
            for (int i = 0; i < n; i++) {
                byte[] arg = new byte[in.getInt()];
                in.get(arg);
                args.add(Bytes.of(arg));
            }
            return KvCommand.parse(args);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new InvalidCommandException("ERR a log entry that is not a command");
        }
    }

    @Override
    public byte[] apply(long index, byte[] entry) {
        Reply reply;
        try {
            reply = decode(entry).applyTo(store);
        } catch (InvalidCommandException e) {
            reply = e.reply();
        }
        return resp(reply);
    }

    public KvStore store() {
        return store;
    }

    /** {@code reply} as RESP2 bytes. */
    static byte[] resp(Reply reply) {
        var out = new ByteArrayOutputStream(32);
        if (reply instanceof Reply.Simple s) {
            line(out, '+', s.text());
        } else if (reply instanceof Reply.Error e) {
            line(out, '-', e.message());
        } else if (reply instanceof Reply.Int i) {
            line(out, ':', Long.toString(i.value()));
        } else if (reply instanceof Reply.Nil) {
            line(out, '$', "-1");
        } else if (reply instanceof Reply.Bulk b) {
            line(out, '$', Integer.toString(b.value().length()));
            out.writeBytes(b.value().toByteArray());
            out.writeBytes(CRLF);
        } else if (reply instanceof Reply.Array a) {
            line(out, '*', Integer.toString(a.items().size()));
            a.items().forEach(item -> out.writeBytes(resp(item)));
        }
        return out.toByteArray();
    }

    private static void line(ByteArrayOutputStream out, char type, String text) {
        out.write(type);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
    }
}
