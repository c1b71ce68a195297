package rafting.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import rafting.kv.Bytes;
import rafting.kv.Reply;
import rafting.kv.RespReader;
import rafting.kv.RespWriter;

/** One plain RESP connection to one node, which follows nothing: for tests. */
final class RawResp implements AutoCloseable {

    final Socket socket = new Socket();
    final RespReader in;
    final RespWriter out;

    RawResp(InetSocketAddress address) throws IOException {
        socket.connect(address, 2000);
        socket.setSoTimeout(10_000);
        in = new RespReader(socket.getInputStream());
        out = new RespWriter(socket.getOutputStream());
    }

    Reply call(String... words) throws IOException {
        out.writeCommand(Arrays.stream(words).map(Bytes::of).toList()).flush();
        return in.readReply();
    }

    OutputStream rawOut() throws IOException {
        return socket.getOutputStream();
    }

    InputStream rawIn() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
