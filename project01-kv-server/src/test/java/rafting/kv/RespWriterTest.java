package rafting.kv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("part5")
class RespWriterTest {

    /** A reply and its exact bytes on the wire (Latin-1 text, one char per byte). */
    record Case(Reply reply, String wire) {
        @Override
        public String toString() {
            return reply.toString();
        }
    }

    static Stream<Case> replies() {
        return Stream.of(
                new Case(Reply.OK, "+OK\r\n"),
                new Case(Reply.simple("PONG"), "+PONG\r\n"),
                new Case(Reply.error("ERR wrong number of arguments for 'get' command"),
                        "-ERR wrong number of arguments for 'get' command\r\n"),
                new Case(Reply.integer(0), ":0\r\n"),
                new Case(Reply.integer(-5), ":-5\r\n"),
                new Case(Reply.integer(Long.MIN_VALUE), ":-9223372036854775808\r\n"),
                new Case(Reply.bulk("hello"), "$5\r\nhello\r\n"),
                new Case(Reply.bulk(""), "$0\r\n\r\n"),
                new Case(Reply.bulk(Bytes.of(new byte[] {0, '\r', '\n', (byte) 0xff})), "$4\r\n\0\r\n\u00ff\r\n"),
                new Case(Reply.bulk("é"), "$2\r\n\u00c3\u00a9\r\n"),
                new Case(Reply.NIL, "$-1\r\n"),
                new Case(Reply.array(List.of()), "*0\r\n"),
                new Case(Reply.array(List.of(Reply.bulk("a"), Reply.NIL, Reply.array(List.of(Reply.integer(7))))),
                        "*3\r\n$1\r\na\r\n$-1\r\n*1\r\n:7\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void writesReply(Case c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new RespWriter(out).write(c.reply()).flush();

        assertThat(out.toString(ISO_8859_1)).isEqualTo(c.wire());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void readsBackWhatItWrites(Case c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RespWriter(out).write(c.reply()).flush();

        Reply read = new RespReader(new ByteArrayInputStream(out.toByteArray())).readReply();

        assertThat(read).isEqualTo(c.reply());
    }

    @Test
    void writesCommandAsArrayOfBulkStrings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new RespWriter(out).writeCommand(List.of(Bytes.of("SET"), Bytes.of("k"), Bytes.EMPTY)).flush();

        assertThat(out.toString(ISO_8859_1)).isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n");
    }

    @Test
    void commandsOfRandomBinaryArgumentsSurviveTheRoundTrip() throws IOException {
        Random random = new Random(11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RespWriter writer = new RespWriter(out);
        List<List<Bytes>> sent = Stream.generate(() -> randomCommand(random)).limit(300).toList();
        for (List<Bytes> command : sent) {
            writer.writeCommand(command);
        }
        writer.flush();

        RespReader reader = new RespReader(FragmentedInputStream.randomChunks(out.toByteArray(), 13, 11));
        for (List<Bytes> command : sent) {
            assertThat(reader.readCommand()).isEqualTo(command);
        }
        assertThat(reader.readCommand()).isNull();
    }

    @Test
    void refusesSimpleStringsAndErrorsThatWouldBreakTheLine() {
        assertThatThrownBy(() -> Reply.simple("OK\r\n+FAKE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a RESP simple string or error cannot contain CR or LF: \"OK\\r\\n+FAKE\"");
        assertThatThrownBy(() -> Reply.error("ERR one\ntwo")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsRepliesTheWayRedisCliDoes() {
        assertThat(List.of(Reply.OK, Reply.error("ERR x"), Reply.integer(3), Reply.bulk("hi"), Reply.NIL))
                .map(Reply::toString)
                .containsExactly("OK", "(error) ERR x", "(integer) 3", "\"hi\"", "(nil)");
    }

    private static List<Bytes> randomCommand(Random random) {
        return Stream.generate(() -> {
            byte[] arg = new byte[random.nextInt(20)];
            random.nextBytes(arg);
            return Bytes.of(arg);
        }).limit(1 + random.nextInt(5)).toList();
    }
}
