package rafting.traffic;

import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.function.BiConsumer;

/**
 * Part 3: a thread that receives the short text datagrams of the traffic light's devices and
 * hands each one, with its sender, to a handler; and the two helpers every device uses. Closing
 * it closes the socket and waits for the thread.
 */
final class Datagrams implements AutoCloseable {

    private Datagrams() {}

    /** Starts a thread called {@code name} that hands every datagram received on {@code socket} (as UTF-8 text) to {@code handler}. */
    static Datagrams receive(String name, DatagramSocket socket, BiConsumer<String, SocketAddress> handler) {
        throw new UnsupportedOperationException("Part 3: start the receiving thread");
    }

    /** Sends {@code text} (UTF-8) as one datagram; a failure is one warning line, never an exception. */
    static void send(DatagramSocket socket, String text, SocketAddress to) {
        throw new UnsupportedOperationException("Part 3: send one datagram");
    }

    /**
     * A datagram's text as a warning shows it: in single quotes, control characters (below 0x20,
     * and 0x7f) as {@code \xhh}, cut after 40 characters and then {@code ...}: so
     * {@code 'NS\x0a'}, and 50 {@code x} become {@code 'xxx...x...'} with 40 of them.
     */
    static String quote(String text) {
        throw new UnsupportedOperationException("Part 3: quote, escape, cut short");
    }

    /** Waits until the socket is closed, for a program whose only job is to receive. */
    void join() throws InterruptedException {
        throw new UnsupportedOperationException("Part 3: wait for the receiving thread");
    }

    /** Closes the socket and waits for the thread. */
    @Override
    public void close() throws InterruptedException {
        throw new UnsupportedOperationException("Part 3: close the socket, join the thread");
    }
}
