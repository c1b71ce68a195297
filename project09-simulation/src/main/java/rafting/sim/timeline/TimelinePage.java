package rafting.sim.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trace as one self-contained HTML page (inline SVG, a little JavaScript, nothing fetched):
 * time runs down, one row per moment; one lane per node, coloured by role with the term written
 * where it changes; messages as arrows from the sender's lane at the send to the receiver's at
 * the delivery, dropped ones as a short dashed stub ending in a cross; commits as dots on the
 * lane and, on the shared commit line, the highest index committed so far; client operations as
 * bars from call to reply; crashes and partitions as shaded spans; the violation as a red band
 * the page scrolls to. Clicking a row (or stepping with the arrow keys) shows every node's log
 * and commit index after it.
 *
 * <p>The page's elements carry classes a test can count: {@code lane} (one header per node),
 * {@code arrow} (one per delivered message), {@code dropped}, {@code commit}, {@code op},
 * {@code fault}, {@code violation}, {@code row}.
 */
public final class TimelinePage {

    /** The roles written with their term; other lanes (the traffic light's colours) show their role alone. */
    private static final Set<String> RAFT_ROLES = Set.of("leader", "candidate", "pre-candidate", "follower");
    static final int ROW = 20;
    static final int LANE = 150;
    static final int TOP = 40;
    static final int LEFT = 50;
    static final int CLIENT = 70;

    private final List<TraceEvent> events;
    private final List<Integer> rowOf = new ArrayList<>();
    private final List<Long> rowTimes = new ArrayList<>();
    private final List<Integer> nodes;
    private final StringBuilder svg = new StringBuilder();
    private final int clientsX;
    private final int textX;

    private TimelinePage(List<TraceEvent> events) {
        this.events = List.copyOf(events);
        var ids = new TreeSet<Integer>();
        int clients = 0;
        for (TraceEvent event : this.events) {
            if (event.node() > 0) {
                ids.add(event.node());
            }
            if (event.kind() == TraceEvent.Kind.SEND || event.kind() == TraceEvent.Kind.DELIVER) {
                ids.add(event.peer());
            }
            if (event.kind() == TraceEvent.Kind.REQUEST) {
                clients = Math.max(clients, event.peer());
            }
            if (rowTimes.isEmpty() || rowTimes.get(rowTimes.size() - 1) != event.time()) {
                rowTimes.add(event.time());
            }
            rowOf.add(rowTimes.size() - 1);
        }
        this.nodes = List.copyOf(ids);
        this.clientsX = LEFT + nodes.size() * LANE + 80; // past the commit line and its header
        this.textX = clientsX + Math.max(1, clients) * CLIENT + 20;
    }

    /** The page of {@code events}, in the order they happened, titled {@code title}. */
    public static String of(String title, List<TraceEvent> events) {
        return new TimelinePage(events).page(title);
    }

    private String page(String title) {
        int height = TOP + rowTimes.size() * ROW + 40;
        int width = textX + 700;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\">\n<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                        + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#333\"/></marker></defs>\n");
        rows();
        lanes();
        faults();
        messages();
        commits();
        clients();
        violation();
        svg.append("<rect id=\"cursor\" x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(ROW)
                .append("\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" visibility=\"hidden\"/>\n</svg>\n");
        var html = new StringBuilder(svg.length() + events.size() * 120 + 8000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<style>\n").append(STYLE).append("</style></head>\n<body>\n<header><b>").append(escape(title))
                .append("</b> &middot; ").append(events.size()).append(" events, ").append(rowTimes.size())
                .append(" moments &middot; click a row or use the arrow keys to see every log").append(LEGEND).append("</header>\n")
                .append("<main>").append(svg).append("</main>\n<aside id=\"state\"><p>Click a row to see every node's log"
                        + " and commit index after it.</p></aside>\n<script>\nconst TRACE = [\n");
        for (int i = 0; i < events.size(); i++) {
            html.append(TraceJson.write(events.get(i))).append(i + 1 < events.size() ? ",\n" : "\n");
        }
        html.append("];\nconst ROW = ").append(ROW).append(", TOP = ").append(TOP).append(";\nconst NODES = ")
                .append(nodes).append(";\n").append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    private int y(int row) {
        return TOP + row * ROW + ROW / 2;
    }

    private int x(int node) {
        return LEFT + nodes.indexOf(node) * LANE + LANE / 2;
    }

    /** A clickable band per moment, its time at the left, and what happened in it at the right. */
    private void rows() {
        var texts = new ArrayList<StringBuilder>();
        for (int row = 0; row < rowTimes.size(); row++) {
            texts.add(new StringBuilder());
        }
        for (int i = 0; i < events.size(); i++) {
            String said = said(events.get(i));
            if (said != null) {
                StringBuilder text = texts.get(rowOf.get(i));
                text.append(text.length() == 0 ? "" : "; ").append(said);
            }
        }
        for (int row = 0; row < rowTimes.size(); row++) {
            int top = TOP + row * ROW;
            svg.append("<g class=\"row\" data-row=\"").append(row).append("\"><rect x=\"0\" y=\"").append(top)
                    .append("\" width=\"100%\" height=\"").append(ROW).append("\" class=\"band").append(row % 2 == 0 ? " even" : "")
                    .append("\"/><text x=\"4\" y=\"").append(top + 14).append("\" class=\"time\">").append(rowTimes.get(row))
                    .append("</text><text x=\"").append(textX).append("\" y=\"").append(top + 14).append("\" class=\"what\">")
                    .append(escape(shorten(texts.get(row).toString(), 160))).append("</text></g>\n");
        }
    }

    /** What the right-hand column says of an event, or null for the events the picture shows well enough. */
    private static String said(TraceEvent event) {
        return switch (event.kind()) {
            case STEP, DELIVER -> event.text();
            case DROP -> "lost " + event.text();
            case FAULT -> (event.node() > 0 ? "n" + event.node() + " " : "") + event.text()
                    + (event.note() == null ? "" : " (" + event.note() + ")");
            case REQUEST -> "c" + event.peer() + " calls " + event.text();
            case REPLY -> "c" + event.peer() + " gets " + event.text();
            case VIOLATION -> "VIOLATED " + event.text();
            case ROLE -> "n" + event.node() + " " + event.text() + (RAFT_ROLES.contains(event.text()) ? " t=" + event.term() : "");
            default -> null;
        };
    }

    /** Each node's lane: a header, and a coloured segment per stretch in one role and term. */
    private void lanes() {
        for (int node : nodes) {
            int x = x(node);
            svg.append("<text class=\"lane\" data-node=\"").append(node).append("\" x=\"").append(x).append("\" y=\"24\">n")
                    .append(node).append("</text>\n");
            int start = 0;
            String role = null;
            long term = 0;
            for (int i = 0; i <= events.size(); i++) {
                TraceEvent event = i < events.size() ? events.get(i) : null;
                boolean ends = event == null || event.node() == node && (event.kind() == TraceEvent.Kind.ROLE
                        || event.kind() == TraceEvent.Kind.FAULT && isDown(event.text()));
                if (!ends) {
                    continue;
                }
                int row = event == null ? rowTimes.size() : rowOf.get(i);
                if (role != null && row > start) {
                    svg.append("<rect class=\"role ").append(role).append("\" x=\"").append(x - 14).append("\" y=\"")
                            .append(TOP + start * ROW).append("\" width=\"28\" height=\"").append((row - start) * ROW).append("\"/>");
                    if (!role.equals("down")) {
                        svg.append("<text class=\"term\" x=\"").append(x + 18).append("\" y=\"").append(TOP + start * ROW + 14)
                                .append("\">").append(role).append(RAFT_ROLES.contains(role) ? " t" + term : "").append("</text>");
                    }
                    svg.append('\n');
                }
                if (event != null) {
                    start = row;
                    role = event.kind() == TraceEvent.Kind.ROLE ? event.text() : "down";
                    term = event.kind() == TraceEvent.Kind.ROLE ? event.term() : term;
                }
            }
        }
    }

    /** Crash to restart on a lane, partition to heal over the whole cluster. */
    private void faults() {
        Map<Integer, Integer> crashed = new HashMap<>();
        int partitioned = -1;
        String cut = null;
        for (int i = 0; i <= events.size(); i++) {
            TraceEvent event = i < events.size() ? events.get(i) : null;
            int row = event == null ? rowTimes.size() : rowOf.get(i);
            if (event != null && event.kind() != TraceEvent.Kind.FAULT) {
                continue;
            }
            String what = event == null ? "end" : event.text();
            if (isDown(what)) {
                crashed.put(event.node(), row);
            } else if ((what.equals("restart") || what.equals("end")) && !crashed.isEmpty()) {
                for (var down : List.copyOf(crashed.entrySet())) {
                    if (event == null || down.getKey() == event.node()) {
                        crashed.remove(down.getKey());
                        span("fault crash", x(down.getKey()) - LANE / 2 + 4, LANE - 8, down.getValue(), row, "n" + down.getKey() + " down");
                    }
                }
            }
            if (what.equals("partition") || what.equals("heal") || what.equals("end")) {
                if (partitioned >= 0) {
                    span("fault partition", LEFT, nodes.size() * LANE, partitioned, row, "partition: " + cut);
                }
                partitioned = what.equals("partition") ? row : -1;
                cut = event == null ? null : event.note();
            }
        }
    }

    /** A node is down from its crash, or from its clean stop (a real node's trace ends a life with one), to its restart. */
    private static boolean isDown(String fault) {
        return fault.equals("crash") || fault.equals("stopped");
    }

    private void span(String kind, int x, int width, int from, int to, String title) {
        svg.append("<rect class=\"").append(kind).append("\" x=\"").append(x).append("\" y=\"").append(TOP + from * ROW)
                .append("\" width=\"").append(width).append("\" height=\"").append(Math.max(1, to - from) * ROW)
                .append("\"><title>").append(escape(title)).append("</title></rect>\n");
    }

    /** An arrow per delivered message, a stub per dropped one. */
    private void messages() {
        Map<Long, Integer> sentAt = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent event = events.get(i);
            switch (event.kind()) {
                case SEND -> sentAt.put(event.id(), rowOf.get(i));
                case DELIVER, DROP -> {
                    Integer from = sentAt.get(event.id());
                    int to = rowOf.get(i);
                    int x1 = x(event.peer());
                    int y1 = y(from == null ? to : from);
                    int x2 = x(event.node());
                    int y2 = y(to);
                    if (event.kind() == TraceEvent.Kind.DELIVER) {
                        svg.append("<line class=\"arrow\" data-row=\"").append(to).append("\" x1=\"").append(x1).append("\" y1=\"")
                                .append(y1).append("\" x2=\"").append(x2).append("\" y2=\"").append(y2)
                                .append("\" marker-end=\"url(#head)\"><title>").append(escape(event.text())).append("</title></line>\n");
                    } else {
                        int mx = (x1 + x2) / 2;
                        int my = (y1 + y2) / 2;
                        svg.append("<g class=\"dropped\" data-row=\"").append(to).append("\"><title>lost: ").append(escape(event.text()))
                                .append("</title><line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(mx)
                                .append("\" y2=\"").append(my).append("\"/><path d=\"M").append(mx - 5).append(',').append(my - 5)
                                .append("l10,10m0,-10l-10,10\"/></g>\n");
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A dot per commit index change on its lane; on the shared line, the highest index committed so far when it rises. */
    private void commits() {
        int line = LEFT + nodes.size() * LANE + 20;
        svg.append("<text class=\"header\" x=\"").append(line).append("\" y=\"24\">commit</text>\n<line class=\"commit-line\" x1=\"")
                .append(line).append("\" y1=\"").append(TOP).append("\" x2=\"").append(line).append("\" y2=\"")
                .append(TOP + rowTimes.size() * ROW).append("\"/>\n");
        long highest = 0;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent event = events.get(i);
            if (event.kind() != TraceEvent.Kind.COMMIT) {
                continue;
            }
            int y = y(rowOf.get(i));
            svg.append("<circle class=\"commit\" cx=\"").append(x(event.node()) + 9).append("\" cy=\"").append(y)
                    .append("\" r=\"4\"><title>n").append(event.node()).append(" commits up to ").append(event.index())
                    .append("</title></circle>");
            if (event.index() > highest) {
                highest = event.index();
                svg.append("<text class=\"committed\" x=\"").append(line + 4).append("\" y=\"").append(y + 4).append("\">")
                        .append(highest).append("</text>");
            }
            svg.append('\n');
        }
    }

    /** A bar per client operation, from its call to its reply (to the end, dashed, if it never got one). */
    private void clients() {
        Map<Long, Integer> calledAt = new HashMap<>();
        Map<Long, TraceEvent> calls = new HashMap<>();
        Set<Integer> headed = new HashSet<>();
        for (int i = 0; i <= events.size(); i++) {
            TraceEvent event = i < events.size() ? events.get(i) : null;
            if (event != null && event.kind() == TraceEvent.Kind.REQUEST) {
                calledAt.put(event.id(), rowOf.get(i));
                calls.put(event.id(), event);
                if (headed.add(event.peer())) { // one header a client
                    svg.append("<text class=\"header\" x=\"").append(clientsX + (event.peer() - 1) * CLIENT).append("\" y=\"24\">c")
                            .append(event.peer()).append("</text>\n");
                }
            } else if (event == null || event.kind() == TraceEvent.Kind.REPLY) {
                for (long id : event == null ? List.copyOf(calledAt.keySet()) : List.of(event.id())) {
                    Integer from = calledAt.remove(id);
                    if (from == null) {
                        continue;
                    }
                    TraceEvent call = calls.get(id);
                    int to = event == null ? rowTimes.size() - 1 : rowOf.get(i);
                    svg.append("<rect class=\"op").append(event == null ? " open" : "").append("\" x=\"")
                            .append(clientsX + (call.peer() - 1) * CLIENT).append("\" y=\"").append(y(from) - 6)
                            .append("\" width=\"14\" height=\"").append((to - from) * ROW + 12).append("\"><title>c")
                            .append(call.peer()).append(' ').append(escape(call.text())).append(" -> ")
                            .append(event == null ? "?" : escape(event.text())).append("</title></rect>\n");
                }
            }
        }
    }

    private void violation() {
        for (int i = 0; i < events.size(); i++) {
            TraceEvent event = events.get(i);
            if (event.kind() == TraceEvent.Kind.VIOLATION) {
                int top = TOP + rowOf.get(i) * ROW;
                svg.append("<g id=\"violation\" class=\"violation\" data-row=\"").append(rowOf.get(i)).append("\"><rect x=\"0\" y=\"")
                        .append(top).append("\" width=\"100%\" height=\"").append(ROW).append("\"/><text x=\"").append(LEFT)
                        .append("\" y=\"").append(top + ROW + 14).append("\">VIOLATED ").append(escape(event.text()))
                        .append("</text></g>\n");
                return;
            }
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    static String escape(String text) {
        var escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static final String LEGEND = " &middot; <span class=\"key leader\">leader</span> <span class=\"key candidate\">candidate</span>"
            + " <span class=\"key pre-candidate\">pre-candidate</span> <span class=\"key follower\">follower</span>"
            + " <span class=\"key down\">down</span> &middot; arrow: delivered, &times;: lost &middot; dot: commit &middot;"
            + " bars: client calls";

    private static final String STYLE = """
            body { margin: 0; font: 13px sans-serif; display: flex; flex-direction: column; height: 100vh; }
            header { padding: 6px 10px; border-bottom: 1px solid #ccc; background: #fafafa; }
            main { flex: 1; overflow: auto; }
            aside { position: fixed; right: 8px; bottom: 8px; max-width: 46%; max-height: 45%; overflow: auto;
                    background: #fffffff0; border: 1px solid #888; padding: 6px 10px; font: 12px monospace; }
            aside table { border-collapse: collapse; } aside td { padding: 1px 6px; vertical-align: top; }
            .band { fill: transparent; } .band.even { fill: #f6f6f6; } .row { cursor: pointer; }
            .time { fill: #888; font-size: 11px; } .what { fill: #333; font: 11px monospace; white-space: pre; }
            .lane, .header { font-weight: bold; text-anchor: middle; }
            .role { stroke: none; } .term { font-size: 11px; fill: #333; }
            .leader { fill: #2e7d32; background: #2e7d32; } .candidate { fill: #ef6c00; background: #ef6c00; }
            .pre-candidate { fill: #ffb74d; background: #ffb74d; } .follower { fill: #90a4ae; background: #90a4ae; }
            .down { fill: #424242; background: #424242; } .key { color: white; padding: 0 4px; }
            .green { fill: #43a047; } .yellow { fill: #fdd835; } .red { fill: #e53935; }
            .arrow { stroke: #333; stroke-width: 1.2; } .dropped line, .dropped path { stroke: #c62828; stroke-width: 1.5; fill: none; }
            .dropped line { stroke-dasharray: 3 2; }
            .commit { fill: #1565c0; } .commit-line { stroke: #1565c0; } .committed { fill: #1565c0; font-weight: bold; font-size: 11px; }
            .op { fill: #7e57c2; opacity: .75; } .op.open { opacity: .35; }
            .fault.crash { fill: #000; opacity: .18; } .fault.partition { fill: #c62828; opacity: .08; }
            .violation rect { fill: #ff1744; opacity: .35; } .violation text { fill: #b71c1c; font-weight: bold; font-size: 14px; }
            .committedEntry { font-weight: bold; }
            """;

    private static final String SCRIPT = """
            const rows = [];
            { let last = null; for (const e of TRACE) { if (e.t !== last) { rows.push(e.t); last = e.t; } e.row = rows.length - 1; } }
            let current = -1;
            function stateAfter(row) {
              const s = {};
              for (const n of NODES) s[n] = { role: '', term: 0, log: [], commit: 0, up: true };
              for (const e of TRACE) {
                if (e.row > row) break;
                const n = s[e.node];
                switch (e.kind) {
                  case 'role': n.role = e.text; n.term = e.term || 0; n.up = true; break;
                  case 'append': cut(n.log, e.index); n.log.push([e.index, (e.term || 0) + ':' + (e.text || '')]); break;
                  case 'truncate': cut(n.log, e.index); break;
                  case 'commit': n.commit = e.index || 0; break;
                  case 'fault': if (n && (e.text === 'crash' || e.text === 'stopped')) n.up = false; if (n && e.text === 'restart') n.up = true; break;
                }
              }
              return s;
            }
            // A log is [index, entry] pairs: a real node's log starts past 1 after a snapshot, or before the trace's first event.
            function cut(log, from) { while (log.length && log[log.length - 1][0] >= from) log.pop(); }
            const SHOWN = 12;
            function esc(t) { return String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;'); }
            function show(row) {
              if (row < 0 || row >= rows.length) return;
              current = row;
              const s = stateAfter(row);
              let html = '<b>after time ' + rows[row] + '</b><table>';
              for (const n of NODES) {
                const st = s[n];
                const shown = st.log.slice(-SHOWN).map(([i, x]) => i <= st.commit ? '<span class="committedEntry">' + esc(x) + '</span>' : esc(x));
                const log = (st.log.length > SHOWN ? '\u2026 ' + (st.log.length - SHOWN) + ' before ' + st.log[st.log.length - SHOWN][0] + ', ' : '')
                  + shown.join(', ');
                html += '<tr class="node-state" data-node="' + n + '"><td>n' + n + '</td><td>' + (st.up ? esc(st.role) : 'down')
                  + ' t=' + st.term + '</td><td>commit=' + st.commit + '</td><td>log=[' + log + ']</td></tr>';
              }
              html += '</table>';
              const what = TRACE.filter(e => e.row === row).map(e => e.kind + ' ' + (e.node ? 'n' + e.node + ' ' : '')
                + esc(e.text || (e.index ? 'index ' + e.index : ''))).join('<br>');
              document.getElementById('state').innerHTML = html + '<div class="what-happened">' + what + '</div>';
              const cursor = document.getElementById('cursor');
              cursor.setAttribute('y', TOP + row * ROW);
              cursor.setAttribute('visibility', 'visible');
            }
            document.getElementById('timeline').addEventListener('click', ev => {
              const g = ev.target.closest('[data-row]');
              if (g) show(Number(g.getAttribute('data-row')));
            });
            document.addEventListener('keydown', ev => {
              let next = current;
              if (ev.key === 'ArrowDown' || ev.key === 'ArrowRight') next = current + 1;
              else if (ev.key === 'ArrowUp' || ev.key === 'ArrowLeft') next = current - 1;
              else return;
              ev.preventDefault();
              next = Math.max(0, Math.min(rows.length - 1, next));
              show(next);
              document.getElementById('cursor').scrollIntoView({ block: 'nearest' });
            });
            const bad = document.getElementById('violation');
            if (bad) { bad.scrollIntoView({ block: 'center' }); show(Number(bad.getAttribute('data-row'))); }
            """;
}
