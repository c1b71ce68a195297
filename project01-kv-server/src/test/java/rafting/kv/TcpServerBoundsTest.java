package rafting.kv;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Part 7: a server takes on only so much: a connection limit that says so, and an idle timeout. */
@Tag("part7")
class TcpServerBoundsTest {

    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    /** Echoes every byte until the client hangs up. */
    private static void echo(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            socket.getOutputStream().write(b);
        }
    }

    @Test
    void pastTheLimitANewConnectionIsToldAndClosed_andOnceOneLeavesTheNextIsServed() throws IOException {
        var bounds = new TcpServer.Bounds(2, Duration.ZERO, "-ERR max number of clients reached\r\n".getBytes(US_ASCII));
        try (var server = TcpServer.start("bounded", ANY_PORT, TcpServerBoundsTest::echo, bounds);
                var first = connect(server);
                var second = connect(server)) {
            assertThat(echoes(first)).isTrue();
            assertThat(echoes(second)).isTrue();

            try (var third = connect(server)) {
                assertThat(new String(third.getInputStream().readAllBytes(), US_ASCII))
                        .isEqualTo("-ERR max number of clients reached\r\n");
            }
            first.close();
            awaitOpen(server, 1);
            try (var fourth = connect(server)) {
                assertThat(echoes(fourth)).as("served once a place was free").isTrue();
            }
            assertThat(echoes(second)).as("the others never noticed").isTrue();
        }
    }

    @Test
    void aConnectionThatSendsNothingForTheIdleTimeIsClosed_oneThatTalksIsNot() throws IOException {
        var bounds = new TcpServer.Bounds(10, Duration.ofMillis(300), new byte[0]);
        try (var server = TcpServer.start("idle", ANY_PORT, TcpServerBoundsTest::echo, bounds);
                var quiet = connect(server);
                var talker = connect(server)) {
            assertThat(echoes(talker)).isTrue();
            awaitOpen(server, 2);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.openConnections() > 1 && System.nanoTime() < deadline) {
                assertThat(echoes(talker)).isTrue(); // well within the idle time each round
            }
            assertThat(server.openConnections()).isEqualTo(1);
            assertThat(quiet.getInputStream().read()).as("the quiet one was closed").isEqualTo(-1);
            assertThat(echoes(talker)).isTrue();
        }
    }

    private static Socket connect(TcpServer server) throws IOException {
        var socket = new Socket(server.address().getAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static boolean echoes(Socket socket) throws IOException {
        socket.getOutputStream().write('x');
        return socket.getInputStream().read() == 'x';
    }

    private static void awaitOpen(TcpServer server, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.openConnections() != count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.openConnections()).isEqualTo(count);
    }
}
