package rafting.system;

import java.util.List;
import rafting.kv.Bytes;
import rafting.kv.CommandTable;

/**
 * Redis Cluster's hash slot of a key: CRC16 (XMODEM: polynomial 0x1021, initial value 0) of the
 * key, modulo 16384. A key with a hash tag, a non-empty {@code {...}} part, is hashed on that part
 * only, so {@code {user1}.name} and {@code {user1}.age} share a slot. We serve all 16384 slots from
 * one shard, so the slot changes nothing here; cluster clients check it in {@code -MOVED}.
 *
 * <pre>{@code
 * KeySlot.of(Bytes.of("foo"))   // 12182
 * }</pre>
 */
final class KeySlot {

    static final int SLOTS = 16384;

    private KeySlot() {
    }

    static int of(Bytes key) {
        byte[] bytes = key.toByteArray();
        int start = 0;
        int end = bytes.length;
        int open = indexOf(bytes, (byte) '{', 0);
        if (open >= 0) {
            int close = indexOf(bytes, (byte) '}', open + 1);
            if (close > open + 1) {
                start = open + 1;
                end = close;
            }
        }
        return crc16(bytes, start, end) & (SLOTS - 1);
    }

    /** The slot of a command's first key (as {@code COMMAND} places it), or 0 for a command with none. */
    static int ofCommand(List<Bytes> args) {
        int first = CommandTable.find(args.get(0).asString()).map(CommandTable.Spec::firstKey).orElse(0);
        return first > 0 && first < args.size() ? of(args.get(first)) : 0;
    }

    static int crc16(byte[] bytes, int start, int end) {
        int crc = 0;
        for (int i = start; i < end; i++) {
            crc ^= (bytes[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xffff;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
