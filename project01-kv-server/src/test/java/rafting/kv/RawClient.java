package rafting.kv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;

/** A test client that sends raw bytes and reads RESP replies, with a read timeout. */
final class RawClient implements Closeable {

    private final Socket socket;
    private final OutputStream out;
    private final RespReader in;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000); // a missing reply fails the test instead of hanging it
        out = socket.getOutputStream();
        in = new RespReader(socket.getInputStream());
    }

    /** Sends {@code wire} as is: Latin-1, so each char is one byte. */
    RawClient send(String wire) throws IOException {
        out.write(wire.getBytes(ISO_8859_1));
        out.flush();
        return this;
    }

    Reply reply() throws IOException {
        Reply reply = in.readReply();
        assertThat(reply).as("a reply, not the end of the stream").isNotNull();
        return reply;
    }

    /** Sends a command as an array of bulk strings and returns the reply. */
    Reply call(String... words) throws IOException {
        StringBuilder wire = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            wire.append('$').append(word.getBytes(ISO_8859_1).length).append("\r\n").append(word).append("\r\n");
        }
        return send(wire.toString()).reply();
    }

    /** Checks that the server has closed the connection cleanly, after any earlier replies. */
    void assertClosedByServer() throws IOException {
        assertThat(in.readReply()).as("end of stream").isNull();
    }

    void closeAbruptly() throws IOException {
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
