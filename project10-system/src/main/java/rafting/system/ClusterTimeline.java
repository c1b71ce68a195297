package rafting.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import rafting.sim.timeline.TimelinePage;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceFiles;

/**
 * {@code ./raftkv timeline DIR}: the traces the nodes wrote ({@link NodeTrace}) as one run, and its
 * page (project 9's {@link TimelinePage}).
 *
 * <p>Real nodes number neither their messages nor their clients as the simulator does: the wire
 * carries no message id, and each node counts its own clients. So each delivery at B from A is
 * paired with the earliest send from A to B of the same text not paired yet. That is its send:
 * a link is one TCP connection at a time, which keeps the order of what it carries, and a new
 * connection only carries what was sent after it opened. Sends on that link before the one
 * paired, still unpaired, never arrive (lost with a broken connection) and are paired with
 * nothing. A drop (a full queue, a link down, a loop too busy) is paired the same way. Clients and
 * their requests are numbered again across the cluster, 1 to K in the order they first call.
 * Times are shown from the first event on, in milliseconds.
 */
final class ClusterTimeline {

    /** The events a page shows unless told otherwise: the end of the run. */
    static final int DEFAULT_LAST = 10_000;

    /** A page written: where, and what it shows. */
    record Written(Path page, int events, int nodes, long deliveries, long bytes) {
        @Override
        public String toString() {
            return page + " (" + events + " events of " + nodes + " nodes, " + deliveries + " messages delivered, "
                    + (bytes + 1023) / 1024 + " KiB)";
        }
    }

    private record Link(int from, int to) {
    }

    private record Client(int node, int client) {
    }

    private record Request(int node, long id) {
    }

    private ClusterTimeline() {
    }

    /** The page of the last {@code last} events of the traces in {@code dir}, written to {@code page}. */
    static Written write(Path dir, Path page, int last) throws IOException {
        List<TraceEvent> events = linked(TraceFiles.merge(dir, last));
        if (events.isEmpty()) {
            throw new IllegalArgumentException("the traces in " + dir + " hold no event");
        }
        long start = events.get(0).time();
        String title = dir.toAbsolutePath().normalize().getFileName() + ": " + (events.size() == last ? "the last " : "")
                + events.size() + " events of the nodes' traces, in ms from " + Instant.ofEpochMilli(start);
        String html = TimelinePage.of(title, events.stream().map(e -> at(e, e.time() - start, e.id(), e.peer())).toList());
        Path parent = page.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(page, html, StandardCharsets.UTF_8);
        var nodes = new TreeSet<Integer>();
        events.forEach(e -> nodes.add(e.node()));
        nodes.remove(0);
        long deliveries = events.stream().filter(e -> e.kind() == TraceEvent.Kind.DELIVER).count();
        return new Written(page, events.size(), nodes.size(), deliveries, Files.size(page));
    }

    /**
     * {@code merged} (the nodes' traces, merged) with each delivery and drop numbered as its send,
     * and clients and their requests numbered across the cluster. Within one millisecond, the
     * merge puts the nodes' events one node after the other, so a delivery can come before its
     * send made in the same millisecond: there, a node's events wait while the next of them is a
     * delivery or drop whose send another node has still to make.
     */
    static List<TraceEvent> linked(List<TraceEvent> merged) {
        var linker = new Linker();
        for (int from = 0; from < merged.size(); ) {
            int to = from;
            while (to < merged.size() && merged.get(to).time() == merged.get(from).time()) {
                to++;
            }
            linker.moment(merged.subList(from, to));
            from = to;
        }
        return linker.out;
    }

    /** Pairs messages and numbers clients, one moment (one millisecond) at a time. */
    private static final class Linker {
        private final Map<Link, Deque<TraceEvent>> unpaired = new HashMap<>();
        private final Map<Client, Integer> clients = new HashMap<>();
        private final Map<Request, Long> requests = new HashMap<>();
        private final List<TraceEvent> out = new ArrayList<>();
        private long messages;

        /** The events of one moment: each node's in their order, a delivery after its send. */
        void moment(List<TraceEvent> events) {
            var nodes = new LinkedHashMap<Integer, Deque<TraceEvent>>();
            events.forEach(e -> nodes.computeIfAbsent(e.node(), node -> new ArrayDeque<>()).addLast(e));
            while (!nodes.isEmpty()) {
                Deque<TraceEvent> next = nodes.values().stream().filter(queue -> ready(queue.peekFirst())).findFirst()
                        .orElse(nodes.values().iterator().next()); // a send before the trace's first event, or lost
                link(next.removeFirst());
                nodes.values().removeIf(Deque::isEmpty);
            }
        }

        private boolean ready(TraceEvent event) {
            if (event.kind() != TraceEvent.Kind.DELIVER && event.kind() != TraceEvent.Kind.DROP) {
                return true;
            }
            Deque<TraceEvent> link = unpaired.get(new Link(event.peer(), event.node()));
            return link != null && link.stream().anyMatch(send -> send.text().equals(event.text()));
        }

        private void link(TraceEvent event) {
            switch (event.kind()) {
                case SEND -> {
                    TraceEvent sent = at(event, event.time(), ++messages, event.peer());
                    unpaired.computeIfAbsent(new Link(event.node(), event.peer()), link -> new ArrayDeque<>()).addLast(sent);
                    out.add(sent);
                }
                case DELIVER, DROP -> {
                    Deque<TraceEvent> link = unpaired.getOrDefault(new Link(event.peer(), event.node()), new ArrayDeque<>());
                    out.add(at(event, event.time(), pair(link, event.text(), event.kind() == TraceEvent.Kind.DELIVER), event.peer()));
                }
                case REQUEST, REPLY -> {
                    int client = clients.computeIfAbsent(new Client(event.node(), event.peer()), c -> clients.size() + 1);
                    long id = requests.computeIfAbsent(new Request(event.node(), event.id()), r -> (long) requests.size() + 1);
                    out.add(at(event, event.time(), id, client));
                }
                default -> out.add(event);
            }
        }
    }

    /**
     * The number of the earliest send on {@code link} of {@code text}, taken off it, or 0 if there
     * is none (sent before the first event shown). A delivery also forgets the sends before it,
     * which the connection lost.
     */
    private static long pair(Deque<TraceEvent> link, String text, boolean delivered) {
        for (Iterator<TraceEvent> sends = link.iterator(); sends.hasNext(); ) {
            TraceEvent send = sends.next();
            if (send.text().equals(text)) {
                sends.remove();
                if (delivered) {
                    while (!link.isEmpty() && link.peekFirst().id() < send.id()) {
                        link.removeFirst();
                    }
                }
                return send.id();
            }
        }
        return 0;
    }

    private static TraceEvent at(TraceEvent e, long time, long id, int peer) {
        return new TraceEvent(time, e.seq(), e.node(), e.kind(), e.term(), e.index(), peer, id, e.text(), e.note());
    }
}
