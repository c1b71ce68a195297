package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rafting.kv.Bytes;

@Tag("part5")
class KeySlotTest {

    @Test
    void crc16IsXmodemWithItsStandardCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(KeySlot.crc16(check, 0, check.length)).isEqualTo(0x31C3);
    }

    @Test
    void slotsAreTheOnesRedisClusterGives() {
        assertThat(KeySlot.of(Bytes.of("foo"))).isEqualTo(12182);
        assertThat(KeySlot.of(Bytes.of("bar"))).isEqualTo(5061);
        assertThat(KeySlot.of(Bytes.of("hello"))).isEqualTo(866);
        assertThat(KeySlot.of(Bytes.of("x"))).isEqualTo(16287);
        assertThat(KeySlot.of(Bytes.EMPTY)).isZero();
    }

    @Test
    void aHashTagHashesOnlyWhatIsBetweenTheFirstBraces() {
        assertThat(KeySlot.of(Bytes.of("{user1000}.following"))).isEqualTo(KeySlot.of(Bytes.of("user1000")));
        assertThat(KeySlot.of(Bytes.of("{user1000}.followers"))).isEqualTo(KeySlot.of(Bytes.of("user1000")));
        assertThat(KeySlot.of(Bytes.of("foo{}{bar}"))).isEqualTo(KeySlot.of(Bytes.of("foo{}{bar}")))
                .isNotEqualTo(KeySlot.of(Bytes.of("bar")));
        assertThat(KeySlot.of(Bytes.of("foo{{bar}}zap"))).isEqualTo(KeySlot.of(Bytes.of("{bar")));
    }

    @Test
    void aCommandsSlotIsItsFirstKeys() {
        assertThat(KeySlot.ofCommand(List.of(Bytes.of("incrby"), Bytes.of("foo"), Bytes.of("2")))).isEqualTo(12182);
        assertThat(KeySlot.ofCommand(List.of(Bytes.of("MSET"), Bytes.of("bar"), Bytes.of("1")))).isEqualTo(5061);
        assertThat(KeySlot.ofCommand(List.of(Bytes.of("DBSIZE")))).isZero();
    }
}
