package rafting.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The warmup's two servers, driven over loopback: the same scenarios, each with its reply rule.
 * {@link EchoServerTest} (Part 2) and {@link UppercaseServerTest} (Part 3) run them.
 */
final class EchoScenarios {

    private EchoScenarios() {}

    /** A server under test: how to start it, what its threads are called, what it replies. */
    record Flavor(String name, Starter starter, String threadPrefix, UnaryOperator<String> reply) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Starter {
        Running start() throws IOException;
    }

    /** A started server: its port, and how to stop it. */
    interface Running extends Closeable {
        int port();

        @Override
        void close();
    }

    static final Flavor THREAD_PER_CONNECTION = new Flavor("thread per connection", () -> {
        EchoServer s = EchoServer.start(0);
        return running(s.port(), s::close);
    }, "echo-", UnaryOperator.identity());

    static final Flavor COMMUNICATING_TASKS = new Flavor("communicating tasks", () -> {
        UppercaseServer s = UppercaseServer.start(0);
        return running(s.port(), s::close);
    }, "upper-", text -> text.toUpperCase(java.util.Locale.ROOT));

    static void servesManyClientsAtOnce(Flavor flavor) throws Exception {
        int clients = 16;
        int messages = 200;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (Running server = flavor.starter().start()) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    try (Client conn = new Client(server.port())) {
                        for (int m = 0; m < messages; m++) {
                            String sent = "client " + client + " says hello #" + m;
                            conn.send(sent);
                            assertThat(conn.receive()).isEqualTo(flavor.reply().apply(sent));
                        }
                    }
                    return messages;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(messages);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void aClientStuckMidMessageDoesNotHoldUpAnother(Flavor flavor) throws Exception {
        try (Running server = flavor.starter().start();
                Client stuck = new Client(server.port());
                Client other = new Client(server.port())) {
            stuck.sendRaw(new byte[] {0, 0, 0, 100, 'h', 'a', 'l', 'f'}); // 4 of 100 bytes, then silence

            other.send("still here");

            assertThat(other.receive()).isEqualTo(flavor.reply().apply("still here"));
        }
    }

    static void repliesToEveryMessageSentBeforeTheClientStoppedSending(Flavor flavor) throws Exception {
        try (Running server = flavor.starter().start(); Client client = new Client(server.port())) {
            for (int m = 0; m < 100; m++) {
                client.send("message " + m);
            }
            client.socket.shutdownOutput();

            for (int m = 0; m < 100; m++) {
                assertThat(client.receive()).isEqualTo(flavor.reply().apply("message " + m));
            }
            assertThat(Frames.read(client.in, 1024)).as("end of stream after the last reply").isNull();
        }
    }

    static void closeEndsEveryConnectionAndThread(Flavor flavor) throws Exception {
        Running server = flavor.starter().start();
        try (Client a = new Client(server.port()); Client b = new Client(server.port())) {
            a.send("ping");
            assertThat(a.receive()).isEqualTo(flavor.reply().apply("ping"));
            b.sendRaw(new byte[] {0, 0}); // b is in the middle of a length prefix

            server.close();

            assertThat(endOfStream(a)).as("a's connection is ended").isTrue();
            assertThat(endOfStream(b)).as("b's connection is ended").isTrue();
            assertThat(Threads.alive(flavor.threadPrefix())).isEmpty();
        } finally {
            server.close();
        }
    }

    /**
     * True when the server has ended the client's connection: an orderly end of stream, or a
     * reset, which TCP sends instead when the server closes with input it has not read yet (as
     * b's two bytes may be).
     */
    private static boolean endOfStream(Client client) throws IOException {
        try {
            return client.in.read() == -1;
        } catch (SocketException e) {
            return e.getMessage().contains("reset");
        }
    }

    /** A framed-message client with a read timeout, so a missing reply fails instead of hanging. */
    static final class Client implements Closeable {
        final Socket socket;
        final OutputStream out;
        final InputStream in;

        Client(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        }

        void send(String text) throws IOException {
            Frames.write(out, text.getBytes(UTF_8));
        }

        void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        String receive() throws IOException {
            byte[] reply = Frames.read(in, 1 << 20);
            assertThat(reply).as("a reply, not the end of the stream").isNotNull();
            return new String(reply, UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Running running(int port, Runnable close) {
        return new Running() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }
}
