package rafting.system;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongSupplier;
import rafting.election.NodeState;
import rafting.election.Snapshot;
import rafting.election.TermVote;
import rafting.log.LogEntry;
import rafting.log.LogStorage;
import rafting.replication.Message;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceJson;

/**
 * What one real node did, for project 9's timeline page: project 9's {@link TraceEvent}s, one JSON
 * line each, appended to {@code DIR/node-N.jsonl} ({@code ./raftkv node 1 --trace DIR}), so that a
 * restarted node adds its new life to the same file. The time of an event is the node's wall clock
 * in milliseconds, never going back within the file, and its sequence number counts on across
 * lives: the node's own events keep their order when {@code ./raftkv timeline} merges the files.
 *
 * <p>Events come from the loop (roles, terms, commits, the log, messages sent and delivered), from
 * peer-link threads (messages dropped, links down and up) and from client threads (requests,
 * replies): every method takes this trace's lock. They are written in whole lines, in one
 * {@code write} a batch of the loop ({@link #flush}), so nothing waits in memory beyond one batch
 * (at most {@value #BUFFER} characters) and a {@code kill -9} loses only the last batch. A trace
 * that cannot be written (a full disk) says so in one log line and stops; the node goes on.
 *
 * <p>A message is traced without a number: the wire carries none, and TCP keeps each link's
 * order, so {@code ./raftkv timeline} pairs a delivery with the earliest send of the same text
 * ({@link ClusterTimeline}). A client is the connection's thread (each connection has one).
 */
final class NodeTrace implements Closeable {

    /** A life of the node writes at most this many events: project 9 reads no file of more. */
    static final long MAX_EVENTS = 1_000_000;
    /** Characters written at once, at the latest: a batch of the loop is usually far less. */
    static final int BUFFER = 1 << 16;
    private static final System.Logger LOG = System.getLogger(NodeTrace.class.getName());

    private final int node;
    private final Path file;
    private final LongSupplier wallMillis;
    private final StringBuilder lines = new StringBuilder();
    private final ThreadLocal<Integer> clientOfThread;
    private OutputStream out; // null once stopped
    private long seq;
    private long time;
    private long events;
    private int clients;
    private long requests;
    private String role;
    private long term = -1;
    private long commit;

    private NodeTrace(int node, Path file, LongSupplier wallMillis, OutputStream out) {
        this.node = node;
        this.file = file;
        this.wallMillis = wallMillis;
        this.out = out;
        this.clientOfThread = ThreadLocal.withInitial(this::nextClient);
    }

    /** A trace that writes nothing: the node was not asked for one. */
    static NodeTrace off() {
        return new NodeTrace(0, null, () -> 0, null);
    }

    /**
     * Opens node {@code node}'s trace in {@code dir} (created if need be) to add to it. When the
     * file's last event is not a clean stop, the node's last life ended without one (a
     * {@code kill -9}, a power cut): a crash is written at that event's time. Then the restart.
     */
    static NodeTrace open(Path dir, int node, LongSupplier wallMillis) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("node-" + node + ".jsonl");
        TraceEvent last = lastEvent(file);
        var trace = new NodeTrace(node, file, wallMillis, Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
        if (last != null) {
            trace.seq = last.seq();
            trace.time = last.time();
            if (!(last.kind() == TraceEvent.Kind.FAULT && "stopped".equals(last.text()))) {
                trace.add(TraceEvent.fault(last.time(), trace.seq + 1, node, "crash",
                        "its last life ended without a clean stop (killed?) after its last event"));
            }
        }
        trace.fault("restart", "starts from its data folder");
        trace.flush();
        LOG.log(INFO, () -> "n" + node + " traces into " + file);
        return trace;
    }

    /**
     * The last whole event of {@code file}, or null. A line cut short at the end (killed while
     * writing it) is cut off, so that the file goes on with whole lines.
     */
    private static TraceEvent lastEvent(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            long from = Math.max(0, length - BUFFER);
            byte[] tail = new byte[(int) (length - from)];
            raf.seek(from);
            raf.readFully(tail);
            int end = tail.length;
            while (end > 0 && tail[end - 1] != '\n') {
                end--;
            }
            if (end < tail.length) {
                raf.setLength(from + end);
            }
            String text = new String(tail, 0, end, StandardCharsets.UTF_8).stripTrailing();
            String line = text.substring(text.lastIndexOf('\n') + 1);
            return line.isBlank() ? null : TraceJson.read(line);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " does not end with a trace event: " + e.getMessage(), e);
        }
    }

    /**
     * Role, term and commit index: what changed since the last look is written down. The loop
     * looks before the driver's work of a batch (the roles the batch's inputs made come before the
     * messages they send) and after it (the commits), then {@link #flush}es.
     */
    synchronized void look(NodeState state) {
        if (out == null) {
            return;
        }
        String now = state.role().toString();
        if (!now.equals(role) || state.term() != term) {
            role = now;
            term = state.term();
            add(TraceEvent.role(tick(), seq + 1, node, now, state.term()));
        }
        if (state.commitIndex() != commit) {
            commit = state.commitIndex();
            add(TraceEvent.commit(tick(), seq + 1, node, state.commitIndex()));
        }
    }

    /** Sent to its peer (queued on the link). */
    synchronized void send(Message message) {
        if (out != null) {
            add(TraceEvent.send(tick(), seq + 1, node, message.to(), 0, message.toString()));
        }
    }

    /** Handed to the core, in the loop, in the order the core takes them. */
    synchronized void deliver(Message message) {
        if (out != null) {
            add(TraceEvent.deliver(tick(), seq + 1, node, message.from(), 0, message.toString()));
        }
    }

    /** Lost: a full queue, a link down, a loop too busy to take it. */
    synchronized void drop(Message message, String why) {
        if (out != null) {
            add(TraceEvent.drop(tick(), seq + 1, message.to(), message.from(), 0, message.toString(), why));
        }
    }

    /** Something the other kinds do not show: a snapshot, a link to a peer down or up. */
    synchronized void step(String what) {
        if (out != null) {
            add(TraceEvent.step(tick(), seq + 1, node, what));
        }
    }

    synchronized void fault(String fault, String note) {
        if (out != null) {
            add(TraceEvent.fault(tick(), seq + 1, node, fault, note));
        }
    }

    /**
     * A client's request, from its connection's thread; returns its number, for its {@link #reply}.
     * The client is numbered by that thread, which serves one connection.
     */
    synchronized long request(String command) {
        if (out == null) {
            return 0;
        }
        long id = ++requests;
        add(TraceEvent.request(tick(), seq + 1, node, clientOfThread.get(), id, command));
        return id;
    }

    /** The reply to request {@code id} of the client {@code client}. */
    synchronized void reply(int client, long id, String reply) {
        if (out != null && id > 0) {
            add(TraceEvent.reply(tick(), seq + 1, node, client, id, reply));
        }
    }

    /**
     * A RESP reply as a person reads it: {@code OK}, {@code 7}, {@code "1"}, {@code nil},
     * {@code -MOVED 866 127.0.0.1:7002}; at most 80 characters.
     */
    static String shown(byte[] resp) {
        String text = new String(resp, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        String shown = switch (text.isEmpty() ? ' ' : text.charAt(0)) {
            case '+', ':' -> lines[0].substring(1);
            case '-' -> lines[0];
            case '$' -> lines[0].equals("$-1") ? "nil" : "\"" + (lines.length > 1 ? lines[1] : "") + "\"";
            default -> String.join(" ", lines);
        };
        return shown.length() <= 80 ? shown : shown.substring(0, 79) + "\u2026";
    }

    /** The number of the client whose thread calls. */
    synchronized int client() {
        return out == null ? 0 : clientOfThread.get();
    }

    private int nextClient() {
        return ++clients;
    }

    /**
     * {@code disk}, writing down what the driver does to the log, at its real indexes: entries
     * appended, entries removed ({@code write} from an index the log holds: §5.3, a conflicting
     * entry and all that follow it are deleted), snapshots installed or taken (§7).
     */
    KvNode.Storage around(KvNode.Storage disk) {
        if (out == null) {
            return disk;
        }
        return new KvNode.Storage() {
            private long last = disk.log().lastIndex();

            @Override
            public void save(TermVote termVote) {
                disk.save(termVote);
            }

            @Override
            public void write(long from, List<LogEntry> entries) {
                disk.write(from, entries);
                written(from, entries, last);
                last = from + entries.size() - 1;
            }

            @Override
            public void sync() {
                disk.sync();
            }

            @Override
            public void saveSnapshot(Snapshot snapshot) {
                disk.saveSnapshot(snapshot);
                step("installs the leader's snapshot up to " + snapshot.index() + " (term " + snapshot.term() + ")");
            }

            @Override
            public void takeSnapshot(Snapshot snapshot) {
                disk.takeSnapshot(snapshot);
                step("takes a snapshot up to " + snapshot.index() + " (term " + snapshot.term() + ")");
            }

            @Override
            public LogStorage log() {
                return disk.log();
            }

            @Override
            public TermVote termVote() {
                return disk.termVote();
            }

            @Override
            public Snapshot snapshot() {
                return disk.snapshot();
            }

            @Override
            public void close() throws IOException {
                disk.close();
            }

            @Override
            public String toString() {
                return disk.toString();
            }
        };
    }

    private synchronized void written(long from, List<LogEntry> entries, long last) {
        if (out == null) {
            return;
        }
        if (from <= last) {
            add(TraceEvent.truncate(tick(), seq + 1, node, from));
        }
        long index = from;
        for (LogEntry entry : entries) {
            add(TraceEvent.append(tick(), seq + 1, node, index++, entry.term(), entry.isNoop() ? "no-op" : entry.text()));
        }
    }

    /** The node stops cleanly: the last event of this life, which tells the next that no crash came between. */
    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        fault("stopped", "closed");
        flush();
        stop(null);
    }

    /** The node's wall clock, never going back within the file. */
    private long tick() {
        time = Math.max(time, wallMillis.getAsLong());
        return time;
    }

    private void add(TraceEvent event) {
        if (events == MAX_EVENTS) {
            flush();
            stop("it has written " + MAX_EVENTS + " events in this life, the most project 9 reads");
            return;
        }
        seq = event.seq();
        events++;
        lines.append(TraceJson.write(event)).append('\n');
        if (lines.length() >= BUFFER) {
            flush();
        }
    }

    /** Writes what is waiting, in one write: at the end of each batch of the loop. */
    synchronized void flush() {
        if (out == null || lines.isEmpty()) {
            return;
        }
        try {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8)); // whole lines in one write
            lines.setLength(0);
        } catch (IOException e) {
            stop("cannot write " + file + ": " + e.getMessage());
        }
    }

    private void stop(String why) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            why = why == null ? "cannot close " + file + ": " + e.getMessage() : why;
        }
        out = null;
        lines.setLength(0);
        if (why != null) {
            String reason = why;
            LOG.log(WARNING, () -> "n" + node + " stops tracing: " + reason + "; the node goes on");
        }
    }

    @Override
    public String toString() {
        return "NodeTrace(n" + node + " into " + file + ")";
    }
}
