package rafting.kv;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The warmup's second server, built from tasks that only talk through queues:
 *
 * <pre>
 *  reader (one per client) --requests--> worker (one) --replies--> sender (one per client)
 * </pre>
 *
 * Each reader turns its client's size-prefixed messages into requests on the shared queue; the
 * single worker upper-cases every request and puts the result on the replies queue of the
 * client it came from; each sender writes its client's replies. Only the worker touches the
 * "application", so the application needs no locks: the shape of the Raft server to come,
 * where one thread owns the state machine.
 *
 * <p>When a client stops sending, its reader puts an end marker through the same pipeline, so
 * the sender stops only after every earlier reply has been written.
 */
public final class UppercaseServer implements Closeable {

    /** The largest message a client may send. */
    public static final int MAX_MESSAGE = 1 << 20;

    /** A message on its way through the pipeline, with the queue its reply goes to. */
    private record Request(BlockingQueue<byte[]> replyTo, byte[] payload) {}

    /** Marks the end of a client's requests; compared by identity. */
    private static final byte[] END = new byte[0];

    private static final System.Logger LOG = System.getLogger(UppercaseServer.class.getName());

    // Bounded: a flood of requests blocks the readers (and through TCP, the clients) instead of
    // filling the heap.
    private final BlockingQueue<Request> requests = new ArrayBlockingQueue<>(1024);
    private final Thread worker;
    private final TcpServer server;

    private UppercaseServer(int port) throws IOException {
        worker = new Thread(this::work, "upper-worker");
        worker.setDaemon(true);
        worker.start();
        try {
            server = TcpServer.start("upper", port, this::serve);
        } catch (IOException e) {
            worker.interrupt();
            throw e;
        }
    }

    /** Starts serving on {@code port} of the loopback address (0 picks a free port). */
    public static UppercaseServer start(int port) throws IOException {
        return new UppercaseServer(port);
    }

    /** The reader task of one connection; it also starts and waits for that connection's sender. */
    private void serve(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
        Thread sender = new Thread(() -> send(socket, out, replies),
                Thread.currentThread().getName() + "-sender");
        sender.setDaemon(true);
        sender.start();
        try {
            byte[] message;
            while ((message = Frames.read(in, MAX_MESSAGE)) != null) {
                requests.put(new Request(replies, message));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                requests.put(new Request(replies, END));
                sender.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The one worker: the only code that transforms messages. */
    private void work() {
        try {
            while (true) {
                Request request = requests.take();
                request.replyTo().put(request.payload() == END ? END : upperCase(request.payload()));
            }
        } catch (InterruptedException e) {
            // close(): the server is shutting down.
        }
    }

    /** The sender task of one connection. */
    private static void send(Socket socket, OutputStream out, BlockingQueue<byte[]> replies) {
        try {
            byte[] reply;
            while ((reply = replies.take()) != END) {
                Frames.write(out, reply);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot reply to " + socket.getRemoteSocketAddress()
                    + ": " + e);
            try {
                socket.close(); // wakes the reader, whose end marker then stops us for good
            } catch (IOException ignored) {
                // already closing
            }
            drainUntilEnd(replies);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drainUntilEnd(BlockingQueue<byte[]> replies) {
        try {
            while (replies.take() != END) {
                // the client is gone; drop its replies
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ASCII upper-casing, byte by byte, so any payload (not just valid UTF-8) survives. */
    static byte[] upperCase(byte[] payload) {
        byte[] result = payload.clone();
        for (int i = 0; i < result.length; i++) {
            if (result[i] >= 'a' && result[i] <= 'z') {
                result[i] -= 'a' - 'A';
            }
        }
        return result;
    }

    public int port() {
        return server.port();
    }

    /** Closes every connection, lets their pipelines drain, then stops the worker. */
    @Override
    public void close() {
        server.close(); // waits for the readers, which wait for their senders
        worker.interrupt();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Ports.fromArgs("UppercaseServer", args, 15001);
        try (UppercaseServer upper = start(port)) {
            System.out.println("upper-case server listening on " + upper.server.hostAndPort());
            upper.server.awaitClosed();
        }
    }
}
