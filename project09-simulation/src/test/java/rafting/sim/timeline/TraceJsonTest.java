package rafting.sim.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every kind of trace event survives a line of JSON, and a broken line says what is wrong with it. */
@Tag("part9")
class TraceJsonTest {

    @Test
    void everyKindOfEventReadsBackAsWritten() {
        List<TraceEvent> events = List.of(
                TraceEvent.role(1, 1, 2, "candidate", 1),
                TraceEvent.send(1, 2, 2, 1, 7, "2->1 RequestVote t=1 last=0/0"),
                TraceEvent.deliver(3, 3, 1, 2, 7, "2->1 RequestVote t=1 last=0/0"),
                TraceEvent.drop(4, 4, 3, 2, 8, "2->3 RequestVote t=1 last=0/0", "the network lost it"),
                TraceEvent.append(5, 5, 1, 1, 1, "set x 1"),
                TraceEvent.truncate(6, 6, 3, 2),
                TraceEvent.commit(7, 7, 1, 1),
                TraceEvent.request(8, 8, 0, 2, 1, "SET x 1"),
                TraceEvent.reply(9, 9, 0, 2, 1, "OK"),
                TraceEvent.fault(10, 10, 0, "partition", "{1}|{2,3}"),
                TraceEvent.violation(11, 11, "Election Safety at event 11: n1 and n2 both lead term 1", "Election Safety"),
                TraceEvent.role(1_764_700_000_123L, 42, 3, "leader", 9));

        for (TraceEvent event : events) {
            assertThat(TraceJson.read(TraceJson.write(event))).isEqualTo(event);
        }
    }

    @Test
    void aLineLeavesOutWhatDoesNotApply() {
        assertThat(TraceJson.write(TraceEvent.commit(7, 3, 1, 4))).isEqualTo("{\"t\":7,\"seq\":3,\"node\":1,\"kind\":\"commit\",\"index\":4}");
    }

    @Test
    void quotesBackslashesControlCharactersAndTagsAreEscaped() {
        String nasty = "say \"hi\" \\ </script>\n\t\u0001 ünïcödé";
        String line = TraceJson.write(TraceEvent.request(1, 1, 0, 1, 1, nasty));

        assertThat(line).doesNotContain("</script>").doesNotContain("\n").contains("\\u003c/script>");
        assertThat(TraceJson.read(line).text()).isEqualTo(nasty);
    }

    @Test
    void readsSpacesAndAnyOrderOfKeys() {
        TraceEvent event = TraceJson.read(" { \"kind\" : \"append\", \"text\":\"a\\/b\", \"index\":2, \"node\":3, \"t\":-1, \"seq\":0, \"term\":5 } ");

        assertThat(event).isEqualTo(TraceEvent.append(-1, 0, 3, 2, 5, "a/b"));
    }

    @Test
    void aBrokenLineGetsAnErrorThatSaysWhatIsWrong() {
        assertThatThrownBy(() -> TraceJson.read("{\"t\":1,\"kind\":\"role\"")).hasMessageContaining("the line ends too soon");
        assertThatThrownBy(() -> TraceJson.read("{\"t\":1}")).hasMessageContaining("no \"kind\"");
        assertThatThrownBy(() -> TraceJson.read("{\"kind\":\"dance\"}")).hasMessageContaining("unknown kind 'dance'");
        assertThatThrownBy(() -> TraceJson.read("{\"kind\":\"role\",\"t\":\"soon\"}")).hasMessageContaining("\"t\" must be a whole number");
        assertThatThrownBy(() -> TraceJson.read("{\"kind\":\"role\",\"t\":1.5}")).hasMessageContaining("expected");
        assertThatThrownBy(() -> TraceJson.read("{\"kind\":\"role\",\"kind\":\"role\"}")).hasMessageContaining("\"kind\" twice");
        assertThatThrownBy(() -> TraceJson.read("{\"kind\":\"role\"} x")).hasMessageContaining("text after the object");
        assertThatThrownBy(() -> TraceJson.read("{\"kind\":\"role\",\"node\":-2}")).hasMessageContaining("negative");
        assertThatThrownBy(() -> TraceJson.read("x".repeat(TraceJson.MAX_LINE + 1))).hasMessageContaining("more than");
    }
}
