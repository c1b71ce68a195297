package rafting.kv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Talks to {@link EchoServer} or {@link UppercaseServer}: sends each argument as one
 * size-prefixed message and prints each reply on a line of its own.
 *
 * <pre>{@code
 * java -cp project01-kv-server/target/classes rafting.kv.EchoClient --port 15000 hello world
 * }</pre>
 */
public final class EchoClient {

    private EchoClient() {}

    public static void main(String[] args) {
        int port = 15000;
        int first = 0;
        if (args.length >= 2 && args[0].equals("--port")) {
            try {
                port = Integer.parseInt(args[1]);
            } catch (NumberFormatException e) {
                port = -1;
            }
            first = 2;
        }
        if (port < 0 || port > 65535 || first == args.length) {
            System.err.println("usage: EchoClient [--port N] message...");
            System.exit(2);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = first; i < args.length; i++) {
                Frames.write(out, args[i].getBytes(StandardCharsets.UTF_8));
                byte[] reply = Frames.read(in, EchoServer.MAX_MESSAGE);
                if (reply == null) {
                    throw new IOException("server closed the connection");
                }
                System.out.println(new String(reply, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            System.err.println("EchoClient: 127.0.0.1:" + port + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
