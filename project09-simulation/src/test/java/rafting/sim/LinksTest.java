package rafting.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part6")
class LinksTest {

    @Test
    void anIsolatedServerNeitherSendsNorReceives() {
        Links cut = Links.isolate(2, 3);

        assertThat(cut.isCut(2, 1)).isTrue();
        assertThat(cut.isCut(3, 2)).isTrue();
        assertThat(cut.isCut(1, 3)).isFalse();
        assertThat(cut).hasToString("cut 1<->2 2<->3");
    }

    @Test
    void aOneWayCutLetsAnswersThrough() {
        Links cut = Links.oneWay(1, 3);

        assertThat(cut.isCut(1, 3)).isTrue();
        assertThat(cut.isCut(3, 1)).isFalse();
        assertThat(cut).hasToString("cut 1->3");
    }

    @Test
    void aPartialPartitionLeavesAServerSomeOfItsPeers() {
        Links cut = Links.reachableOnly(1, 0b0010, 3); // n1 reaches n2 only

        assertThat(cut.isCut(1, 2)).isFalse();
        assertThat(cut.isCut(1, 3)).isTrue();
        assertThat(cut.isCut(2, 3)).isFalse();
        assertThat(cut).hasToString("cut 1<->3");
    }

    @Test
    void aSplitCutsEveryLinkAcrossTheTwoSides() {
        Links cut = Links.split(0b00011, 5); // n1 and n2 on one side

        assertThat(cut).hasToString("cut 1<->3 1<->4 1<->5 2<->3 2<->4 2<->5");
        assertThat(Links.NONE).hasToString("nothing cut");
    }
}
