package rafting.sim.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The page's writer alone: a trace in, the page's elements out. */
@Tag("part9")
class TimelinePageTest {

    /** Two elections (one split), a lost vote, a crash, a partition, a client call and a violation. */
    static final List<TraceEvent> RUN = List.of(
            TraceEvent.role(0, 1, 1, "follower", 0),
            TraceEvent.role(0, 2, 2, "follower", 0),
            TraceEvent.role(0, 3, 3, "follower", 0),
            TraceEvent.role(1, 4, 1, "candidate", 1),
            TraceEvent.send(1, 5, 1, 2, 1, "1->2 RequestVote t=1 last=0/0"),
            TraceEvent.send(1, 6, 1, 3, 2, "1->3 RequestVote t=1 last=0/0"),
            TraceEvent.deliver(2, 7, 2, 1, 1, "1->2 RequestVote t=1 last=0/0"),
            TraceEvent.role(2, 8, 2, "follower", 1),
            TraceEvent.send(2, 9, 2, 1, 3, "2->1 RequestVoteResponse t=1 granted"),
            TraceEvent.drop(3, 10, 3, 1, 2, "1->3 RequestVote t=1 last=0/0", "the network lost it"),
            TraceEvent.deliver(4, 11, 1, 2, 3, "2->1 RequestVoteResponse t=1 granted"),
            TraceEvent.role(4, 12, 1, "leader", 1),
            TraceEvent.append(4, 13, 1, 1, 1, "no-op"),
            TraceEvent.request(5, 14, 0, 1, 1, "SET x <1>"),
            TraceEvent.append(5, 15, 1, 2, 1, "SET x <1>"),
            TraceEvent.fault(6, 16, 3, "crash", "loses its volatile state"),
            TraceEvent.fault(7, 17, 0, "partition", "{1}|{2,3}"),
            TraceEvent.commit(8, 18, 1, 2),
            TraceEvent.reply(8, 19, 0, 1, 1, "OK"),
            TraceEvent.fault(9, 20, 3, "restart", "starts again from its disk"),
            TraceEvent.fault(9, 21, 0, "heal", "the network heals"),
            TraceEvent.violation(10, 22, "State Machine Safety at event 10: made up for this test", "State Machine Safety"));

    private final String page = TimelinePage.of("a <small> run", RUN);

    @Test
    void everyNodeHasALaneWithItsRolesAndTerms() {
        assertThat(count("<text class=\"lane\"")).isEqualTo(3);
        assertThat(page).contains("data-node=\"1\"", "data-node=\"2\"", "data-node=\"3\"");
        assertThat(count("class=\"role leader\"")).isEqualTo(1);
        assertThat(count("class=\"role candidate\"")).isEqualTo(1);
        assertThat(count("class=\"role down\"")).isEqualTo(1);
        assertThat(page).contains(">leader t1<", ">candidate t1<", ">follower t0<");
    }

    @Test
    void anArrowPerDeliveredMessageFromItsSendToItsDelivery() {
        List<String> arrows = matches("<line class=\"arrow\" data-row=\"(\\d+)\" x1=\"(\\d+)\" y1=\"(\\d+)\" x2=\"(\\d+)\" y2=\"(\\d+)\"");
        assertThat(arrows).hasSize(2);
        int lane1 = TimelinePage.LEFT + TimelinePage.LANE / 2;
        int lane2 = lane1 + TimelinePage.LANE;
        int row1 = TimelinePage.TOP + TimelinePage.ROW + TimelinePage.ROW / 2;
        assertThat(arrows.get(0)).isEqualTo("2 " + lane1 + " " + row1 + " " + lane2 + " " + (row1 + TimelinePage.ROW));
        assertThat(count("class=\"dropped\"")).isEqualTo(1);
    }

    @Test
    void commitsFaultsClientCallsAndTheViolationAreMarked() {
        assertThat(count("<circle class=\"commit\"")).isEqualTo(1);
        assertThat(count("class=\"committed\"")).isEqualTo(1);
        assertThat(count("class=\"fault crash\"")).isEqualTo(1);
        assertThat(count("class=\"fault partition\"")).isEqualTo(1);
        assertThat(count("<rect class=\"op\"")).isEqualTo(1);
        assertThat(page).contains("<g id=\"violation\" class=\"violation\" data-row=\"10\"", "VIOLATED State Machine Safety at event 10");
        assertThat(count("<g class=\"row\"")).isEqualTo(11);
    }

    @Test
    void thePageIsSelfContainedAndEscapesWhatItShows() {
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http", "src=", "href=", "@import");
        assertThat(page).doesNotContain("<small>").contains("a &lt;small&gt; run", "SET x &lt;1&gt;");
        assertThat(count("</script>")).isEqualTo(1);
        for (TraceEvent event : RUN) {
            assertThat(page).contains(TraceJson.write(event));
        }
    }

    @Test
    void aRunWithoutViolationHasNoViolationMark() {
        String calm = TimelinePage.of("calm", RUN.subList(0, 12));
        assertThat(calm).doesNotContain("id=\"violation\"");
        assertThat(calm).contains("<line class=\"arrow\"");
    }

    @Test
    void aRealNodeStoppedCleanlyIsDownUntilItsRestart() {
        String stopped = TimelinePage.of("a stop", List.of(
                TraceEvent.role(1000, 1, 1, "leader", 3),
                TraceEvent.fault(1005, 2, 1, "stopped", "closed"),
                TraceEvent.fault(1020, 3, 1, "restart", "starts from its data folder"),
                TraceEvent.role(1020, 4, 1, "follower", 3)));

        assertThat(stopped).contains("class=\"fault crash\"", "class=\"role down\"", ">n1 down<");
    }

    private int count(String what) {
        return page.split(Pattern.quote(what), -1).length - 1;
    }

    private List<String> matches(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(page);
        var found = new ArrayList<String>();
        while (matcher.find()) {
            var groups = new StringBuilder();
            for (int group = 1; group <= matcher.groupCount(); group++) {
                groups.append(group == 1 ? "" : " ").append(matcher.group(group));
            }
            found.add(groups.toString());
        }
        return found;
    }
}
