package rafting.traffic;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * A thread that receives the short text datagrams of the traffic light's devices and hands each
 * one, with its sender, to a handler. Closing it closes the socket and waits for the thread.
 */
final class Datagrams implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Datagrams.class.getName());
    private static final int MAX_DATAGRAM = 512; // our messages are a few bytes; anything longer is junk

    private final DatagramSocket socket;
    private final Thread thread;

    private Datagrams(String name, DatagramSocket socket, BiConsumer<String, SocketAddress> handler) {
        this.socket = socket;
        this.thread = new Thread(() -> receive(handler), name);
        this.thread.setDaemon(true); // a receiver never keeps a program alive by itself
    }

    static Datagrams receive(String name, DatagramSocket socket, BiConsumer<String, SocketAddress> handler) {
        Datagrams receiver = new Datagrams(name, socket, handler);
        receiver.thread.start();
        return receiver;
    }

    private void receive(BiConsumer<String, SocketAddress> handler) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: receive failed: {1}", thread.getName(), e);
                }
                continue;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            handler.accept(text, packet.getSocketAddress());
        }
    }

    static void send(DatagramSocket socket, String text, SocketAddress to) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not send {0} to {1}: {2}", quote(text), to, e.getMessage());
        }
    }

    /** A datagram's text as a warning shows it: quoted, control characters escaped, cut short. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("'");
        text.codePoints().limit(40).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(text.codePointCount(0, text.length()) > 40 ? "...'" : "'").toString();
    }

    /** Waits until the socket is closed, for a program whose only job is to receive. */
    void join() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join();
    }
}
