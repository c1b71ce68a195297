package rafting.system;

import java.util.List;
import rafting.kv.Bytes;
import rafting.kv.CommandTable;

/**
 * Part 5: Redis Cluster's hash slot of a key: CRC16 (XMODEM: polynomial 0x1021, initial value 0) of the
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

        throw new UnsupportedOperationException("Part 5: the key's slot: CRC16 of the key (or of its hash tag) modulo 16384");

    }

    /** The slot of a command's first key (as {@code COMMAND} places it), or 0 for a command with none. */
    static int ofCommand(List<Bytes> args) {
        throw new UnsupportedOperationException("Part 5: the slot of the command's first key");
    }

    static int crc16(byte[] bytes, int start, int end) {

        throw new UnsupportedOperationException("Part 5: CRC16/XMODEM");

    }

    private static int indexOf(byte[] bytes, byte b, int from) {

        throw new UnsupportedOperationException("Part 5: find a byte");

    }
}
