package rafting.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("part1")
class FramesTest {

    private static final int LIMIT = 1 << 20;

    @Test
    void writesBigEndianLengthThenPayload() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, "hi".getBytes(UTF_8));
        Frames.write(out, new byte[300]);

        byte[] wire = out.toByteArray();
        assertThat(wire).startsWith(0, 0, 0, 2, 'h', 'i', 0, 0, 1, 44);
        assertThat(wire).hasSize(4 + 2 + 4 + 300);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 255, 256, 65_536, LIMIT})
    void roundTripsMessagesOfEverySize(int size) throws IOException {
        byte[] message = randomBytes(new Random(size), size);

        byte[] read = Frames.read(new ByteArrayInputStream(frame(message)), LIMIT);

        assertThat(read).isEqualTo(message);
    }

    @Test
    void readsWholeMessagesWhenBytesArriveOneAtATime() throws IOException {
        List<byte[]> messages = List.of("first".getBytes(UTF_8), new byte[0], "third".getBytes(UTF_8));
        FragmentedInputStream in = FragmentedInputStream.oneByteAtATime(frames(messages));

        assertThat(Frames.read(in, LIMIT)).asString(UTF_8).isEqualTo("first");
        assertThat(Frames.read(in, LIMIT)).isEmpty();
        assertThat(Frames.read(in, LIMIT)).asString(UTF_8).isEqualTo("third");
        assertThat(Frames.read(in, LIMIT)).isNull();
        assertThat(in.reads()).isEqualTo(3 * 4 + 5 + 5);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void readsWholeMessagesFromRandomFragments(long seed) throws IOException {
        Random random = new Random(seed);
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(randomBytes(random, random.nextInt(40)));
        }
        FragmentedInputStream in = FragmentedInputStream.randomChunks(frames(messages), 7, seed);

        for (byte[] expected : messages) {
            assertThat(Frames.read(in, LIMIT)).isEqualTo(expected);
        }
        assertThat(Frames.read(in, LIMIT)).isNull();
    }

    @Test
    void returnsNullWhenTheStreamEndsBetweenMessages() throws IOException {
        assertThat(Frames.read(new ByteArrayInputStream(new byte[0]), LIMIT)).isNull();
    }

    @Test
    void failsWhenTheStreamEndsInsideTheLengthPrefix() {
        FragmentedInputStream in = FragmentedInputStream.oneByteAtATime(new byte[] {0, 0});

        assertThatThrownBy(() -> Frames.read(in, LIMIT))
                .isInstanceOf(EOFException.class)
                .hasMessage("stream closed after 2 of 4 bytes of the length prefix");
    }

    @Test
    void failsWhenTheStreamEndsInsideThePayload() {
        byte[] wire = {0, 0, 0, 10, 'a', 'b', 'c'};

        assertThatThrownBy(() -> Frames.read(FragmentedInputStream.oneByteAtATime(wire), LIMIT))
                .isInstanceOf(EOFException.class)
                .hasMessage("stream closed after 3 of 10 bytes of a message");
    }

    @Test
    void acceptsAMessageOfExactlyTheLimit() throws IOException {
        assertThat(Frames.read(new ByteArrayInputStream(frame(new byte[16])), 16)).hasSize(16);
    }

    @Test
    void refusesADeclaredSizeAboveTheLimitWithoutReadingThePayload() {
        byte[] wire = frame(new byte[17]);
        FragmentedInputStream in = FragmentedInputStream.oneByteAtATime(wire);

        assertThatThrownBy(() -> Frames.read(in, 16))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("declared message size 17 is outside 0..16");
        assertThat(in.remaining()).as("payload bytes left unread").isEqualTo(17);
    }

    @Test
    void refusesAHugeDeclaredSizeBeforeAllocatingIt() {
        // 2 GiB declared, 4 bytes sent: allocating first would fail with OutOfMemoryError or wait.
        byte[] wire = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(wire), LIMIT))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("declared message size 2147483647 is outside 0..1048576");
    }

    @Test
    void refusesANegativeDeclaredSize() {
        byte[] wire = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 'x'};

        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(wire), LIMIT))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("declared message size -1 is outside 0..1048576");
    }

    static byte[] frame(byte[] message) {
        return frames(List.of(message));
    }

    static byte[] frames(List<byte[]> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (byte[] message : messages) {
                Frames.write(out, message);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
