package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rafting.election.Flaw;
import rafting.election.Settings;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;
import rafting.sim.timeline.TimelinePage;
import rafting.sim.timeline.TraceEvent;
import rafting.sim.timeline.TraceEvent.Kind;

/**
 * The timeline page of Figure 8, found by the search, opened in a real browser: headless
 * Chromium (Debian's {@code chromium}). Skipped where it is not installed, except on CI, which
 * must install it. A script added to a copy of the page writes what it finds into the DOM, and
 * Chromium prints the DOM; a second run takes the screenshot that project 9's README shows
 * ({@code target/timeline/figure8.png}).
 */
@Tag("part9")
class TimelineBrowserTest {

    /** Counts the page's elements, clicks a row, steps with the arrow key, and writes it all down. */
    private static final String CHECKS = """
            <script>
            (function () {
              const out = [];
              out.push('lanes=' + document.querySelectorAll('text.lane').length);
              out.push('arrows=' + document.querySelectorAll('line.arrow').length);
              const bad = document.getElementById('violation');
              out.push('violation=' + (bad ? bad.getAttribute('data-row') : 'none'));
              out.push('scrolled=' + document.querySelector('main').scrollTop);
              const row = document.querySelector('g.row[data-row="ROW"] rect');
              row.dispatchEvent(new MouseEvent('click', { bubbles: true }));
              for (const tr of document.querySelectorAll('#state tr.node-state')) out.push('clicked ' + tr.textContent);
              document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
              out.push('stepped ' + document.querySelector('#state b').textContent);
              const pre = document.createElement('pre');
              pre.id = 'checks';
              pre.textContent = out.join('\\n');
              document.body.appendChild(pre);
            })();
            </script>
            """;

    @TempDir
    Path dir;

    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = onPath("chromium").or(() -> onPath("chromium-browser"));
        if (System.getenv("CI") != null) {
            assertThat(found).as("CI must install Chromium (Debian package chromium)").isPresent();
        }
        assumeTrue(found.isPresent(), "chromium is not installed (Debian: apt-get install chromium)");
        chromium = found.get();
    }

    @Test
    void theFigure8PageShowsEveryLaneEveryDeliveryTheViolationAndTheLogsOfAClickedRow() throws Exception {
        Run run = figure8();
        List<TraceEvent> trace = Tracer.of(run.scenario(), run.events());
        String page = TimelinePage.of(run.scenario() + ": " + run.violation(), trace);
        int clickedRow = java.util.Collections.max(rows(trace).values()) / 2; // a row in the middle of the story
        Path checked = dir.resolve("checked.html");
        Files.writeString(checked, page.replace("</body>", CHECKS.replace("ROW", Integer.toString(clickedRow)) + "</body>"),
                StandardCharsets.UTF_8);

        String checks = checks(browse("--dump-dom", checked.toUri().toString()));

        assertThat(checks).contains("lanes=3");
        assertThat(checks).contains("arrows=" + trace.stream().filter(e -> e.kind() == Kind.DELIVER).count());
        assertThat(checks).contains("violation=" + rowOf(trace, trace.stream().filter(e -> e.kind() == Kind.VIOLATION).findFirst().orElseThrow()));
        assertThat(checks).doesNotContain("scrolled=0");
        for (int id = 1; id <= 3; id++) {
            assertThat(checks).contains("clicked n" + id).contains(logAfter(trace, id, clickedRow));
        }
        assertThat(checks).contains("stepped after time " + timeOfRow(trace, clickedRow + 1));

        Path shot = Path.of("target", "timeline", "figure8.png");
        Files.createDirectories(shot.getParent());
        Path pagePath = shot.resolveSibling("figure8.html");
        Files.writeString(pagePath, page, StandardCharsets.UTF_8);
        Files.deleteIfExists(shot);
        browse("--screenshot=" + shot.toAbsolutePath(), "--window-size=1400,1000", pagePath.toUri().toString());
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void aPageOfTenThousandEventsLoadsAndAnswers() throws Exception {
        Scenario scenario = Scenario.of(3, 3, 6000, Set.of(), "lossy").withoutLiveness();
        List<TraceEvent> trace = Tracer.of(scenario, Simulator.run(scenario).events());
        assertThat(trace.size()).isGreaterThanOrEqualTo(10_000);
        Path checked = dir.resolve("long.html");
        Files.writeString(checked, TimelinePage.of("long", trace).replace("</body>", CHECKS.replace("ROW", "3000") + "</body>"),
                StandardCharsets.UTF_8);

        String checks = checks(browse("--dump-dom", checked.toUri().toString()));

        assertThat(checks).contains("lanes=3", "arrows=" + trace.stream().filter(e -> e.kind() == Kind.DELIVER).count(),
                "violation=none", "clicked n1", "stepped after time " + timeOfRow(trace, 3001));
    }

    @Test
    void aSplitVoteShowsTwoCandidatesOfOneTermAndTheLeaderOfTheNext() throws Exception {
        Scenario scenario = Scenario.scripted(4, Settings.defaults().withPreVote(false).withCheckQuorum(false));
        var events = new ArrayList<Event>(List.of(new Event.Fire(1, true), new Event.Fire(2, true)));
        // n3 votes for n1 and n4 for n2 before either hears of the other: two votes each, three needed.
        for (int[] link : new int[][] {{1, 3}, {2, 4}, {1, 4}, {2, 3}, {1, 2}, {2, 1}}) {
            events.add(new Event.Deliver(new RequestVote(link[0], link[1], 1, 0, 0, false), true));
        }
        for (int[] link : new int[][] {{3, 1}, {4, 1}, {2, 1}, {4, 2}, {3, 2}, {1, 2}}) {
            events.add(new Event.Deliver(new RequestVoteResponse(link[0], link[1], 1, link[0] + link[1] == 4 || link[0] + link[1] == 6, false), true));
        }
        events.add(new Event.Fire(1, true)); // n1 times out first and tries again, in term 2
        for (int peer = 2; peer <= 4; peer++) {
            events.add(new Event.Deliver(new RequestVote(1, peer, 2, 0, 0, false), true));
            events.add(new Event.Deliver(new RequestVoteResponse(peer, 1, 2, true, false), true));
        }
        List<TraceEvent> trace = Tracer.of(scenario, events);
        assertThat(trace).filteredOn(e -> e.kind() == Kind.ROLE && e.term() == 1 && e.text().equals("candidate")).hasSize(2);
        assertThat(trace).filteredOn(e -> e.kind() == Kind.ROLE && e.text().equals("leader"))
                .singleElement().matches(e -> e.node() == 1 && e.term() == 2);
        String page = TimelinePage.of("a split vote in term 1, four servers", trace);
        Path checked = dir.resolve("split.html");
        Files.writeString(checked, page.replace("</body>", CHECKS.replace("ROW", "2") + "</body>"), StandardCharsets.UTF_8);

        String checks = checks(browse("--dump-dom", checked.toUri().toString()));

        assertThat(checks).contains("lanes=4", "arrows=" + trace.stream().filter(e -> e.kind() == Kind.DELIVER).count(), "violation=none");
        Path shot = Path.of("target", "timeline", "split-vote.png");
        Path pagePath = shot.resolveSibling("split-vote.html");
        Files.createDirectories(shot.getParent());
        Files.writeString(pagePath, page, StandardCharsets.UTF_8);
        Files.deleteIfExists(shot);
        browse("--screenshot=" + shot.toAbsolutePath(), "--window-size=1300,660", pagePath.toUri().toString());
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    private static Run figure8() {
        FlawSearch.Result result = FlawSearch.run(FlawSearch.Options.of(Set.of(Flaw.COMMIT_EARLIER_TERM_BY_COUNTING))
                .withSeeds(1, 20), line -> { });
        assertThat(result.failure()).as("the search finds Figure 8 within 20 seeds").isNotNull();
        return Shrinker.shrink(result.failure()).run();
    }

    /** Runs Chromium headless on a fresh profile, without network or first-run chores; returns what it printed on stdout. */
    private String browse(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        var command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            assertThat(finished).as("chromium finished within 120 s; it said: %s", Files.readString(err)).isTrue();
            assertThat(process.exitValue()).as("chromium's exit status; it said: %s", Files.readString(err)).isZero();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String checks(String dom) {
        Matcher matcher = Pattern.compile("<pre id=\"checks\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(matcher.find()).as("the page's checks ran; the DOM was: %s", dom.length() > 2000 ? dom.substring(0, 2000) : dom).isTrue();
        return matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** The rows of the page: one per distinct time, in order. */
    private static Map<TraceEvent, Integer> rows(List<TraceEvent> trace) {
        var rows = new HashMap<TraceEvent, Integer>();
        int row = -1;
        Long time = null;
        for (TraceEvent event : trace) {
            if (time == null || event.time() != time) {
                row++;
                time = event.time();
            }
            rows.put(event, row);
        }
        return rows;
    }

    private static int rowOf(List<TraceEvent> trace, TraceEvent event) {
        return rows(trace).get(event);
    }

    private static long timeOfRow(List<TraceEvent> trace, int row) {
        Map<TraceEvent, Integer> rows = rows(trace);
        return trace.stream().filter(e -> rows.get(e) == row).findFirst().orElseThrow().time();
    }

    /** {@code commit=1log=[1:no-op, 1:DEL y]}: what the panel says of node {@code id} after {@code row}, from the trace. */
    private static String logAfter(List<TraceEvent> trace, int id, int row) {
        Map<TraceEvent, Integer> rows = rows(trace);
        var log = new ArrayList<String>();
        long commit = 0;
        for (TraceEvent event : trace) {
            if (rows.get(event) > row || event.node() != id) {
                continue;
            }
            switch (event.kind()) {
                case APPEND -> {
                    log.subList((int) event.index() - 1, log.size()).clear();
                    log.add(event.term() + ":" + event.text());
                }
                case TRUNCATE -> log.subList((int) event.index() - 1, log.size()).clear();
                case COMMIT -> commit = event.index();
                default -> {
                }
            }
        }
        return "commit=" + commit + "log=[" + String.join(", ", log) + "]";
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable).findFirst();
    }
}
