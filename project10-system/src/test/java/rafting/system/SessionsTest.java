package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.kv.Bytes;
import rafting.kv.InvalidCommandException;
import rafting.kv.KvCommand;
import rafting.kv.Reply;
import rafting.kv.RespWriter;

/**
 * Project 11, client sessions (thesis §6.3): a write retried after a lost reply, to the same node
 * or to a new leader, runs once and gets its first reply.
 */
@Tag("part9")
class SessionsTest {

    @TempDir
    Path dir;

    private final KvStateMachine machine = new KvStateMachine();
    private long index;

    /** Applies {@code words} (a request as a client sends it) as the next entry, at log time {@code millis}. */
    private String apply(long millis, String... words) throws InvalidCommandException {
        ClientRequest request = ClientRequest.parse(Arrays.stream(words).map(Bytes::of).toList());
        return new String(machine.apply(++index, KvStateMachine.encode(request, millis)), StandardCharsets.UTF_8);
    }

    @Test
    void aSessionIsTheIndexOfItsOpeningAndACommandRetriedInItRunsOnce() throws Exception {
        apply(0, "SET", "n", "10");
        assertThat(apply(0, "SESSION", "OPEN")).isEqualTo(":2\r\n");

        assertThat(apply(0, "SESSION", "2", "1", "INCR", "n")).isEqualTo(":11\r\n");
        assertThat(apply(0, "SESSION", "2", "1", "INCR", "n")).as("the retry").isEqualTo(":11\r\n");
        assertThat(apply(0, "GET", "n")).isEqualTo("$2\r\n11\r\n");
        assertThat(apply(0, "SESSION", "2", "2", "INCR", "n")).isEqualTo(":12\r\n");
        assertThat(apply(0, "SESSION", "2", "1", "INCR", "n")).isEqualTo(
                "-ERR session 2 already ran command 2; the reply of command 1 is gone\r\n");
        assertThat(apply(0, "GET", "n")).isEqualTo("$2\r\n12\r\n");
    }

    @Test
    void anUnknownSessionIsRefusedAndRunsNothing() throws Exception {
        assertThat(apply(0, "SESSION", "9", "1", "SET", "x", "1")).startsWith("-SESSIONEXPIRED no session 9");
        assertThat(apply(0, "EXISTS", "x")).isEqualTo(":0\r\n");
    }

    @Test
    void aSessionExpiresAfterAnHourOfLogTimeWithoutACommand() throws Exception {
        apply(1_000, "SESSION", "OPEN");
        apply(1_000, "SESSION", "OPEN");
        assertThat(apply(1_000 + Sessions.TIMEOUT_MILLIS, "SESSION", "1", "1", "SET", "x", "1")).isEqualTo("+OK\r\n");

        assertThat(apply(1_001 + Sessions.TIMEOUT_MILLIS, "SESSION", "2", "1", "SET", "y", "1"))
                .startsWith("-SESSIONEXPIRED");
        assertThat(apply(1_000 + 2 * Sessions.TIMEOUT_MILLIS, "SESSION", "1", "2", "SET", "x", "2")).isEqualTo("+OK\r\n");
        assertThat(machine.sessions().size()).isEqualTo(1);
    }

    @Test
    void theTableHoldsAtMostMaxSessionsAndDropsTheOneUnusedForLongest() throws Exception {
        for (int i = 0; i < Sessions.MAX; i++) {
            apply(0, "SESSION", "OPEN");
        }
        apply(0, "SESSION", "1", "1", "SET", "x", "1"); // session 1 is used again: session 2 is now the oldest
        apply(0, "SESSION", "OPEN");

        assertThat(machine.sessions().size()).isEqualTo(Sessions.MAX);
        assertThat(apply(0, "SESSION", "1", "2", "SET", "x", "2")).isEqualTo("+OK\r\n");
        assertThat(apply(0, "SESSION", "2", "1", "SET", "x", "3")).startsWith("-SESSIONEXPIRED");
    }

    @Test
    void sessionEntriesSurviveEncodingAndBadRequestsGetAPreciseError() throws Exception {
        var in = new ClientRequest.InSession(7, 3, KvCommand.of("SET", "k", "v"));
        assertThat(KvStateMachine.decode(KvStateMachine.encode(in, 42))).isEqualTo(new KvStateMachine.Stamped(42, in));
        assertThat(KvStateMachine.decode(KvStateMachine.encode(new ClientRequest.OpenSession(), 42)).request())
                .isInstanceOf(ClientRequest.OpenSession.class);

        assertThatThrownBy(() -> ClientRequest.parse(words("SESSION", "7", "x", "SET", "k", "v")))
                .hasMessage("ERR the command number must be a whole number of 1 or more, got 'x'");
        assertThatThrownBy(() -> ClientRequest.parse(words("SESSION", "0", "1", "SET", "k", "v")))
                .hasMessageContaining("session id must be a whole number of 1 or more");
        assertThatThrownBy(() -> ClientRequest.parse(words("SESSION", "7")))
                .hasMessageStartingWith("ERR wrong number of arguments for 'session' command");
        assertThatThrownBy(() -> ClientRequest.parse(words("SESSION", "7", "1", "PING")))
                .hasMessage("ERR PING does not run in a session");
        assertThatThrownBy(() -> ClientRequest.parse(words("SESSION", "7", "1", "NOSUCH")))
                .hasMessageStartingWith("ERR unknown command 'NOSUCH'");
    }

    @Test
    void aWriteWhoseReplyWasLostWhenItsLeaderDiedIsRetriedOnTheNewLeaderAndRunsOnce() throws Exception {
        try (var cluster = new TestCluster(3, dir)) {
            KvNode old = cluster.awaitLeader();
            long session;
            try (var raw = new RawResp(old.clientAddress())) {
                assertThat(raw.call("SET", "visits", "0")).isEqualTo(Reply.OK);
                session = ((Reply.Int) raw.call("SESSION", "OPEN")).value();
            }
            // The command is sent and committed; its client never reads the reply: the leader dies first.
            try (var socket = new Socket()) {
                socket.connect(old.clientAddress(), 2000);
                OutputStream out = socket.getOutputStream();
                long committed = old.state().lastLogIndex() + 1;
                new RespWriter(out).writeCommand(words("SESSION", Long.toString(session), "1", "INCR", "visits")).flush();
                TestCluster.await("the INCR to be applied everywhere", () -> cluster.running.values().stream()
                        .allMatch(n -> n.state().lastApplied() >= committed));
                cluster.stop(old.id());
            }
            KvNode next = cluster.awaitLeader();
            try (var raw = new RawResp(next.clientAddress())) {
                assertThat(raw.call("SESSION", Long.toString(session), "1", "INCR", "visits")).as("the retry")
                        .isEqualTo(Reply.integer(1));
                assertThat(raw.call("GET", "visits")).isEqualTo(Reply.bulk("1"));
                assertThat(raw.call("SESSION", Long.toString(session), "2", "INCR", "visits")).isEqualTo(Reply.integer(2));
            }
        }
    }

    @Test
    void theClusterClientRunsItsWritesInASessionAndItsReadsWithout() throws Exception {
        try (var cluster = new TestCluster(3, dir); var client = cluster.client().withSession()) {
            assertThat(client.call("INCR", "n")).isEqualTo(Reply.integer(1));
            assertThat(client.session()).isPositive();
            KvNode leader = cluster.awaitLeader();
            long logged = leader.state().lastLogIndex();

            assertThat(client.call("GET", "n")).isEqualTo(Reply.bulk("1"));
            assertThat(client.call("INCR", "n")).isEqualTo(Reply.integer(2));

            assertThat(leader.state().lastLogIndex()).as("the INCR, not the GET").isEqualTo(logged + 1);
        }
    }

    @Test
    void theClusterClientSendsAWriteWhoseReplyWasLostAgainWithTheSameNumber() throws Exception {
        var tries = new AtomicInteger();
        try (var node = new ScriptedNode(command -> command.get(1).equals("OPEN") ? Reply.integer(7)
                        : tries.incrementAndGet() == 1 ? ScriptedNode.HANG_UP : Reply.integer(1));
                var client = new ClusterClient(List.of(node.address())).withSession()) {
            assertThat(client.call("INCR", "n")).isEqualTo(Reply.integer(1));
            assertThat(node.received()).containsExactly(List.of("SESSION", "OPEN"),
                    List.of("SESSION", "7", "1", "INCR", "n"), List.of("SESSION", "7", "1", "INCR", "n"));
        }
    }

    @Test
    void aWriteThatANodeLostUnderTheLeadersSnapshotIsAskedAgainWithTheSameNumber() throws Exception {
        var tries = new AtomicInteger();
        Reply covered = Reply.error(KvNode.COVERED_BY_SNAPSHOT_ERROR + ", which covers the command's log entry");
        try (var node = new ScriptedNode(command -> command.get(1).equals("OPEN") ? Reply.integer(7)
                        : tries.incrementAndGet() == 1 ? covered : Reply.OK);
                var client = new ClusterClient(List.of(node.address())).withSession()) {
            assertThat(client.call("SET", "x", "1")).isEqualTo(Reply.OK);
            assertThat(client.call("SET", "x", "2")).isEqualTo(Reply.OK);
            assertThat(node.received()).containsExactly(List.of("SESSION", "OPEN"),
                    List.of("SESSION", "7", "1", "SET", "x", "1"), List.of("SESSION", "7", "1", "SET", "x", "1"),
                    List.of("SESSION", "7", "2", "SET", "x", "2"));
        }
    }

    private static List<Bytes> words(String... words) {
        return Arrays.stream(words).map(Bytes::of).toList();
    }
}
