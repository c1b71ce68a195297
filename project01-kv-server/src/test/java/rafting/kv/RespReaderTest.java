package rafting.kv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("part5")
class RespReaderTest {

    /** Small limits so that every limit is easy to cross. */
    static final RespReader.Limits LIMITS = new RespReader.Limits(4, 16, 64);

    /** Bytes on the wire (as Latin-1 text, so every char is one byte), and what they mean. */
    record Command(String name, String wire, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Command> commands() {
        return Stream.of(
                new Command("array of one bulk string", "*1\r\n$4\r\nPING\r\n", List.of("PING")),
                new Command("array of three", "*3\r\n$3\r\nSET\r\n$3\r\nfoo\r\n$5\r\nhello\r\n",
                        List.of("SET", "foo", "hello")),
                new Command("empty bulk string", "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n",
                        List.of("SET", "k", "")),
                new Command("CR LF and NUL inside a bulk string", "*2\r\n$3\r\nGET\r\n$5\r\na\r\n\0b\r\n",
                        List.of("GET", "a\r\n\0b")),
                new Command("a bulk string of exactly the limit", "*1\r\n$16\r\n0123456789abcdef\r\n",
                        List.of("0123456789abcdef")),
                new Command("an array of exactly the limit", "*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n",
                        List.of("a", "b", "c", "d")),
                new Command("inline with CR LF", "PING\r\n", List.of("PING")),
                new Command("inline with LF alone, as nc sends it", "GET foo\n", List.of("GET", "foo")),
                new Command("inline with runs of blanks", "  SET \t a   b \r\n", List.of("SET", "a", "b")),
                new Command("empty lines before a command are skipped", "\r\n\n  \r\n*1\r\n$4\r\nPING\r\n",
                        List.of("PING")),
                new Command("empty and null arrays are skipped", "*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n",
                        List.of("PING")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void readsCommand(Command c) throws IOException {
        assertThat(readAll(new ByteArrayInputStream(wire(c.wire())))).isEqualTo(c.args());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void readsCommandArrivingOneByteAtATime(Command c) throws IOException {
        assertThat(readAll(FragmentedInputStream.oneByteAtATime(wire(c.wire())))).isEqualTo(c.args());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void readsPipelinedCommandsInOrder(Command c) throws IOException {
        String three = c.wire() + "*1\r\n$4\r\nQUIT\r\n" + c.wire();
        RespReader reader = new RespReader(FragmentedInputStream.randomChunks(wire(three), 5, 7), LIMITS);

        assertThat(strings(reader.readCommand())).isEqualTo(c.args());
        assertThat(strings(reader.readCommand())).containsExactly("QUIT");
        assertThat(strings(reader.readCommand())).isEqualTo(c.args());
        assertThat(reader.readCommand()).as("end of stream between commands").isNull();
    }

    /** Malformed input and the exact error it gets. */
    record Malformed(String name, String wire, String error) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Malformed> malformedCommands() {
        return Stream.of(
                new Malformed("non-numeric array length", "*abc\r\n",
                        "Protocol error: invalid multibulk length \"abc\""),
                new Malformed("empty array length", "*\r\n", "Protocol error: invalid multibulk length \"\""),
                new Malformed("plus sign in a length", "*+1\r\n", "Protocol error: invalid multibulk length \"+1\""),
                new Malformed("blank in a length", "* 1\r\n", "Protocol error: invalid multibulk length \" 1\""),
                new Malformed("negative array length", "*-2\r\n", "Protocol error: invalid multibulk length -2"),
                new Malformed("array longer than the limit", "*5\r\n",
                        "Protocol error: multibulk length 5 above the limit of 4"),
                new Malformed("array length that overflows a long", "*99999999999999999999\r\n",
                        "Protocol error: invalid multibulk length \"99999999999999999999\""),
                new Malformed("array length line that never ends", "*123456789012345678901234567890",
                        "Protocol error: invalid multibulk length \"12345678901234567890\"..."),
                new Malformed("array length ended by LF alone", "*1\n$4\r\nPING\r\n",
                        "Protocol error: line \"1\" ends with LF instead of CR LF"),
                new Malformed("simple string inside a command", "*1\r\n+PING\r\n",
                        "Protocol error: expected '$', got \"+\""),
                new Malformed("integer inside a command", "*1\r\n:1\r\n", "Protocol error: expected '$', got \":\""),
                new Malformed("binary type byte", "*1\r\n\u00ff", "Protocol error: expected '$', got \"\\xff\""),
                new Malformed("null bulk string inside a command", "*1\r\n$-1\r\n",
                        "Protocol error: invalid bulk length -1"),
                new Malformed("negative bulk length", "*1\r\n$-7\r\n", "Protocol error: invalid bulk length -7"),
                new Malformed("non-numeric bulk length", "*1\r\n$x\r\n", "Protocol error: invalid bulk length \"x\""),
                new Malformed("bulk string longer than the limit", "*1\r\n$17\r\n",
                        "Protocol error: bulk length 17 above the limit of 16"),
                new Malformed("bulk length far beyond an int", "*1\r\n$9999999999999\r\n",
                        "Protocol error: bulk length 9999999999999 above the limit of 16"),
                new Malformed("bulk length ended by LF alone", "*1\r\n$4\nPING\r\n",
                        "Protocol error: line \"4\" ends with LF instead of CR LF"),
                new Malformed("no CR LF after bulk data", "*1\r\n$4\r\nPINGXY",
                        "Protocol error: expected CR LF after a bulk string of 4 bytes, got \"X\" \"Y\""),
                new Malformed("bulk data longer than declared", "*1\r\n$3\r\nPING\r\n",
                        "Protocol error: expected CR LF after a bulk string of 3 bytes, got \"G\" \"\\r\""),
                new Malformed("LF CR after bulk data", "*1\r\n$4\r\nPING\n\r",
                        "Protocol error: expected CR LF after a bulk string of 4 bytes, got \"\\n\" \"\\r\""),
                new Malformed("inline command longer than the limit", "SET " + "x".repeat(70) + "\r\n",
                        "Protocol error: inline command longer than 64 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCommands")
    void refusesMalformedCommand(Malformed m) {
        RespReader reader = new RespReader(new ByteArrayInputStream(wire(m.wire())), LIMITS);

        assertThatThrownBy(reader::readCommand).isInstanceOf(RespException.class).hasMessage(m.error());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCommands")
    void refusesMalformedCommandArrivingOneByteAtATime(Malformed m) {
        RespReader reader = new RespReader(FragmentedInputStream.oneByteAtATime(wire(m.wire())), LIMITS);

        assertThatThrownBy(reader::readCommand).isInstanceOf(RespException.class).hasMessage(m.error());
    }

    static Stream<String> cutShort() {
        return Stream.of("*", "*2", "*2\r", "*2\r\n", "*2\r\n$", "*2\r\n$3\r\nGET\r\n", "*2\r\n$3\r\nGE",
                "*2\r\n$3\r\nGET", "*2\r\n$3\r\nGET\r", "GET foo");
    }

    @ParameterizedTest
    @MethodSource("cutShort")
    void reportsAStreamThatEndsInTheMiddleOfACommand(String wire) {
        RespReader reader = new RespReader(new ByteArrayInputStream(wire(wire)), LIMITS);

        assertThatThrownBy(reader::readCommand)
                .isInstanceOf(EOFException.class)
                .hasMessage("stream ended in the middle of a command");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void tellsWhetherPipelinedInputIsWaiting(Command c) throws IOException {
        RespReader reader = new RespReader(new ByteArrayInputStream(wire(c.wire() + c.wire())), LIMITS);

        reader.readCommand();
        assertThat(reader.hasBufferedInput()).isTrue();
        reader.readCommand();
        assertThat(reader.hasBufferedInput()).isFalse();
    }

    /** A reply on the wire and the value it reads as. */
    record ReplyCase(String wire, Reply reply) {
        @Override
        public String toString() {
            return Bytes.of(wire).toString();
        }
    }

    static Stream<ReplyCase> replies() {
        return Stream.of(
                new ReplyCase("+OK\r\n", Reply.OK),
                new ReplyCase("+\r\n", Reply.simple("")),
                new ReplyCase("-ERR unknown command 'foo'\r\n", Reply.error("ERR unknown command 'foo'")),
                new ReplyCase(":0\r\n", Reply.integer(0)),
                new ReplyCase(":-42\r\n", Reply.integer(-42)),
                new ReplyCase(":9223372036854775807\r\n", Reply.integer(Long.MAX_VALUE)),
                new ReplyCase(":-9223372036854775808\r\n", Reply.integer(Long.MIN_VALUE)),
                new ReplyCase("$5\r\nhello\r\n", Reply.bulk("hello")),
                new ReplyCase("$0\r\n\r\n", Reply.bulk("")),
                new ReplyCase("$2\r\n\r\n\r\n", Reply.bulk("\r\n")),
                new ReplyCase("$-1\r\n", Reply.NIL),
                new ReplyCase("*-1\r\n", Reply.NIL),
                new ReplyCase("*0\r\n", Reply.array(List.of())),
                new ReplyCase("*3\r\n:1\r\n$1\r\na\r\n*1\r\n$-1\r\n",
                        Reply.array(List.of(Reply.integer(1), Reply.bulk("a"), Reply.array(List.of(Reply.NIL))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void readsReply(ReplyCase c) throws IOException {
        RespReader reader = new RespReader(FragmentedInputStream.oneByteAtATime(wire(c.wire())), LIMITS);

        assertThat(reader.readReply()).isEqualTo(c.reply());
        assertThat(reader.readReply()).isNull();
    }

    static Stream<Malformed> malformedReplies() {
        return Stream.of(
                new Malformed("unknown type byte", "?x\r\n", "Protocol error: unknown reply type \"?\""),
                new Malformed("non-numeric integer", ":abc\r\n", "Protocol error: invalid integer \"abc\""),
                new Malformed("integer beyond a long", ":9223372036854775808\r\n",
                        "Protocol error: invalid integer \"9223372036854775808\""),
                new Malformed("negative bulk length", "$-2\r\n", "Protocol error: invalid bulk length -2"),
                new Malformed("bulk above the limit", "$17\r\n", "Protocol error: bulk length 17 above the limit of 16"),
                new Malformed("array above the limit", "*5\r\n", "Protocol error: multibulk length 5 above the limit of 4"),
                new Malformed("simple string ended by LF alone", "+OK\n",
                        "Protocol error: line \"OK\" ends with LF instead of CR LF"),
                new Malformed("CR inside a simple string", "+O\rK\r\n",
                        "Protocol error: line \"O\\rK\" holds a CR of its own"),
                new Malformed("simple string longer than the limit", "+" + "x".repeat(70) + "\r\n",
                        "Protocol error: line longer than 64 bytes"),
                new Malformed("arrays nested too deep", "*1\r\n".repeat(33) + ":1\r\n",
                        "Protocol error: arrays nested deeper than 32"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedReplies")
    void refusesMalformedReply(Malformed m) {
        RespReader reader = new RespReader(new ByteArrayInputStream(wire(m.wire())), LIMITS);

        assertThatThrownBy(reader::readReply).isInstanceOf(RespException.class).hasMessage(m.error());
    }

    @ParameterizedTest
    @MethodSource("cutShortReplies")
    void reportsAStreamThatEndsInTheMiddleOfAReply(String wire) {
        RespReader reader = new RespReader(new ByteArrayInputStream(wire(wire)), LIMITS);

        assertThatThrownBy(reader::readReply)
                .isInstanceOf(EOFException.class)
                .hasMessage("stream ended in the middle of a reply");
    }

    static Stream<String> cutShortReplies() {
        return Stream.of("+OK", "+OK\r", ":12", "$5\r\nhel", "*2\r\n:1\r\n");
    }

    static byte[] wire(String latin1) {
        return latin1.getBytes(ISO_8859_1);
    }

    private static List<String> readAll(InputStream in) throws IOException {
        RespReader reader = new RespReader(in, LIMITS);
        List<String> args = strings(reader.readCommand());
        assertThat(reader.readCommand()).as("nothing after the command").isNull();
        return args;
    }

    private static List<String> strings(List<Bytes> args) {
        assertThat(args).as("a command, not the end of the stream").isNotNull();
        return args.stream().map(b -> new String(b.toByteArray(), ISO_8859_1)).toList();
    }

    @org.junit.jupiter.api.Test
    void aHugeBulkHeaderHoldsOnlyWhatArrived_andGivesItBackWhenTheStreamEnds() throws IOException {
        byte[] head = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$16000000\r\nabc".getBytes(ISO_8859_1);
        long[] heldWhileWaiting = {-1};
        InputStream slowClient = new InputStream() {
            int sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent < head.length) {
                    int n = Math.min(len, head.length - sent);
                    System.arraycopy(head, sent, b, off, n);
                    sent += n;
                    return n;
                }
                heldWhileWaiting[0] = RespReader.receivingBytes(); // the client went quiet here
                return -1;
            }
        };
        long before = RespReader.receivingBytes();

        assertThatThrownBy(() -> new RespReader(slowClient).readCommand()).isInstanceOf(EOFException.class);
        assertThat(heldWhileWaiting[0] - before).as("held for a 16 MB header and 3 bytes").isLessThan(1 << 17);
        assertThat(RespReader.receivingBytes()).as("given back").isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aCommandOfMoreThanItsBudgetIsRefusedAsItArrives() {
        int args = 6;
        int bulk = 15 << 20; // each within the 16 MiB bulk limit, 90 MiB in all
        byte[] header = ("*" + args + "\r\n").getBytes(ISO_8859_1);
        byte[] argHeader = ("$" + bulk + "\r\n").getBytes(ISO_8859_1);
        InputStream generated = new InputStream() {
            long pos;
            final long argLength = argHeader.length + bulk + 2L;

            @Override
            public int read() {
                long p = pos++;
                if (p < header.length) {
                    return header[(int) p];
                }
                long inArg = (p - header.length) % argLength;
                return inArg < argHeader.length ? argHeader[(int) inArg]
                        : inArg == argLength - 2 ? '\r' : inArg == argLength - 1 ? '\n' : 'x';
            }
        };
        long before = RespReader.receivingBytes();

        assertThatThrownBy(() -> new RespReader(generated).readCommand()).isInstanceOf(RespException.class)
                .hasMessage("Protocol error: command too large: more than 64 MiB");
        assertThat(RespReader.receivingBytes()).isEqualTo(before);
    }
}
