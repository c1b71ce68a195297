package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part4")
class BytesTest {

    @Test
    void equalBytesAreEqualKeys() {
        Map<Bytes, String> map = new HashMap<>();
        map.put(Bytes.of(new byte[] {1, 2, 3}), "found");

        assertThat(map.get(Bytes.of(new byte[] {1, 2, 3}))).isEqualTo("found");
        assertThat(Bytes.of("foo")).isEqualTo(Bytes.of("foo")).hasSameHashCodeAs(Bytes.of("foo"));
        assertThat(Bytes.of("foo")).isNotEqualTo(Bytes.of("Foo"));
    }

    @Test
    void neverSharesItsArrayWithTheCaller() {
        byte[] array = {'a', 'b'};
        Bytes bytes = Bytes.of(array);
        array[0] = 'X';
        bytes.toByteArray()[1] = 'Y';

        assertThat(bytes).isEqualTo(Bytes.of("ab"));
    }

    @Test
    void showsPrintableAsciiAndEscapesEverythingElse() {
        assertThat(Bytes.of("hello")).hasToString("\"hello\"");
        assertThat(Bytes.of(new byte[] {0, '\r', '\n', '\t', '"', '\\', (byte) 0xff}))
                .hasToString("\"\\x00\\r\\n\\t\\\"\\\\\\xff\"");
        assertThat(Bytes.of("é")).hasToString("\"\\xc3\\xa9\"");
        assertThat(Bytes.of("é").asString()).isEqualTo("é");
    }
}
