package rafting.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("part6")
class KvCommandTest {

    /** Words of a request and the command they make. */
    record Valid(List<String> words, KvCommand command) {
        @Override
        public String toString() {
            return String.join(" ", words);
        }
    }

    static Stream<Valid> valid() {
        Bytes foo = Bytes.of("foo");
        return Stream.of(
                new Valid(List.of("PING"), new KvCommand.Ping(Optional.empty())),
                new Valid(List.of("ping", "hi"), new KvCommand.Ping(Optional.of(Bytes.of("hi")))),
                new Valid(List.of("GET", "foo"), new KvCommand.Get(foo)),
                new Valid(List.of("gEt", "foo"), new KvCommand.Get(foo)),
                new Valid(List.of("SET", "foo", "hello"), new KvCommand.Set(foo, Bytes.of("hello"))),
                new Valid(List.of("set", "foo", ""), new KvCommand.Set(foo, Bytes.EMPTY)),
                new Valid(List.of("DEL", "foo"), new KvCommand.Del(List.of(foo))),
                new Valid(List.of("del", "a", "b", "a"), new KvCommand.Del(bytes("a", "b", "a"))),
                new Valid(List.of("EXISTS", "a", "b"), new KvCommand.Exists(bytes("a", "b"))),
                new Valid(List.of("CAS", "foo", "old", "new"),
                        new KvCommand.Cas(foo, Bytes.of("old"), Bytes.of("new"))),
                new Valid(List.of("QUIT"), new KvCommand.Quit()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesValidRequest(Valid v) throws InvalidCommandException {
        assertThat(KvCommand.parse(bytes(v.words().toArray(String[]::new)))).isEqualTo(v.command());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void turnsBackIntoArgumentsThatParseToTheSameCommand(Valid v) throws InvalidCommandException {
        assertThat(KvCommand.parse(v.command().args())).isEqualTo(v.command());
    }

    /** Words of a request and the exact error it gets. */
    record Invalid(List<String> words, String error) {
        @Override
        public String toString() {
            return words.isEmpty() ? "(no words)" : String.join(" ", words);
        }
    }

    static Stream<Invalid> invalid() {
        return Stream.of(
                new Invalid(List.of("foo"), "ERR unknown command 'foo', with args beginning with: "),
                new Invalid(List.of("FOO", "bar"), "ERR unknown command 'FOO', with args beginning with: 'bar' "),
                new Invalid(List.of("inc\r\nr"), "ERR unknown command 'inc\\r\\nr', with args beginning with: "),
                new Invalid(List.of("x".repeat(200)), "ERR unknown command '" + "x".repeat(128) + "', with args beginning with: "),
                new Invalid(List.of("ping", "a", "b"), "ERR wrong number of arguments for 'ping' command"),
                new Invalid(List.of("GET"), "ERR wrong number of arguments for 'get' command"),
                new Invalid(List.of("get", "a", "b"), "ERR wrong number of arguments for 'get' command"),
                new Invalid(List.of("set", "a"), "ERR wrong number of arguments for 'set' command"),
                new Invalid(List.of("set", "a", "b", "EX"), "ERR syntax error"),
                new Invalid(List.of("expire", "a", "1", "n\r\nx"), "ERR Unsupported option n  x"), // an error is one line
                new Invalid(List.of("del"), "ERR wrong number of arguments for 'del' command"),
                new Invalid(List.of("exists"), "ERR wrong number of arguments for 'exists' command"),
                new Invalid(List.of("cas", "k", "old"), "ERR wrong number of arguments for 'cas' command"),
                new Invalid(List.of("cas", "k", "a", "b", "c"), "ERR wrong number of arguments for 'cas' command"),
                new Invalid(List.of(), "ERR empty command"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesInvalidRequest(Invalid i) {
        assertThatThrownBy(() -> KvCommand.parse(bytes(i.words().toArray(String[]::new))))
                .isInstanceOf(InvalidCommandException.class)
                .hasMessage(i.error());
    }

    @Test
    void anUnknownCommandRepliesWithItsErrorLine() {
        InvalidCommandException e = new InvalidCommandException("ERR unknown command 'foo'");

        assertThat(e.reply()).isEqualTo(Reply.error("ERR unknown command 'foo'"));
    }

    /** A command run on a store holding {@code a=1} and {@code b=2}, and its reply. */
    record Applied(List<String> words, Reply reply) {
        @Override
        public String toString() {
            return String.join(" ", words);
        }
    }

    static Stream<Applied> applied() {
        return Stream.of(
                new Applied(List.of("PING"), Reply.simple("PONG")),
                new Applied(List.of("PING", "hi"), Reply.bulk("hi")),
                new Applied(List.of("GET", "a"), Reply.bulk("1")),
                new Applied(List.of("GET", "zz"), Reply.NIL),
                new Applied(List.of("SET", "c", "3"), Reply.OK),
                new Applied(List.of("DEL", "a", "zz", "a"), Reply.integer(1)),
                new Applied(List.of("DEL", "a", "b"), Reply.integer(2)),
                new Applied(List.of("EXISTS", "zz"), Reply.integer(0)),
                new Applied(List.of("EXISTS", "a", "a", "b", "zz"), Reply.integer(3)),
                new Applied(List.of("CAS", "a", "1", "one"), Reply.integer(1)),
                new Applied(List.of("CAS", "a", "2", "two"), Reply.integer(0)),
                new Applied(List.of("CAS", "zz", "", "new"), Reply.integer(0)),
                new Applied(List.of("QUIT"), Reply.OK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applied")
    void appliesToTheStore(Applied a) throws InvalidCommandException {
        KvStore store = new KvStore();
        store.set(Bytes.of("a"), Bytes.of("1"));
        store.set(Bytes.of("b"), Bytes.of("2"));

        assertThat(KvCommand.of(a.words().toArray(String[]::new)).applyTo(store)).isEqualTo(a.reply());
    }

    @Test
    void writesAreVisibleToLaterCommands() throws InvalidCommandException {
        KvStore store = new KvStore();

        KvCommand.of("SET", "k", "v1").applyTo(store);
        KvCommand.of("CAS", "k", "v1", "v2").applyTo(store);

        assertThat(KvCommand.of("GET", "k").applyTo(store)).isEqualTo(Reply.bulk("v2"));
        KvCommand.of("DEL", "k").applyTo(store);
        assertThat(KvCommand.of("GET", "k").applyTo(store)).isEqualTo(Reply.NIL);
    }

    @Test
    void readsLikeTheCommandLine() throws InvalidCommandException {
        assertThat(KvCommand.of("set", "foo", "a b")).hasToString("SET \"foo\" \"a b\"");
        assertThat(KvCommand.of("del", "x", "y")).hasToString("DEL \"x\" \"y\"");
        assertThat(KvCommand.of("ping")).hasToString("PING");
    }

    private static List<Bytes> bytes(String... words) {
        return Arrays.stream(words).map(Bytes::of).toList();
    }
}
