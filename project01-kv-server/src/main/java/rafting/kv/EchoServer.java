package rafting.kv;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The warmup's first server: sends every size-prefixed message back to whoever sent it, with a
 * thread per connection so that one slow client never holds up another.
 *
 * <pre>{@code
 * java -cp project01-kv-server/target/classes rafting.kv.EchoServer 15000
 * java -cp project01-kv-server/target/classes rafting.kv.EchoClient --port 15000 hello world
 * }</pre>
 */
public final class EchoServer implements Closeable {

    /** The largest message a client may send. */
    public static final int MAX_MESSAGE = 1 << 20;

    private final TcpServer server;

    private EchoServer(TcpServer server) {
        this.server = server;
    }

    /** Starts serving on {@code port} of the loopback address (0 picks a free port). */
    public static EchoServer start(int port) throws IOException {
        return new EchoServer(TcpServer.start("echo", port, EchoServer::echo));
    }

    private static void echo(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        byte[] message;
        while ((message = Frames.read(in, MAX_MESSAGE)) != null) {
            Frames.write(out, message);
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    public static void main(String[] args) throws Exception {
        int port = Ports.fromArgs("EchoServer", args, 15000);
        try (EchoServer echo = start(port)) {
            System.out.println("echo server listening on " + echo.server.hostAndPort());
            echo.server.awaitClosed();
        }
    }
}
