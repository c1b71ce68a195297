package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./raftkv bench --compare}'s reading of redis-benchmark and its table, without running
 * either side. It lives here, in the package of the class it tests, because project 10's own tests
 * compile against the learner's starter, which has no benchmark programs.
 */
class CompareTest {

    // As redis-benchmark 7.0 prints it with --csv.
    private static final String CSV = """
            "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
            "SET","9096.31","1.712","0.272","1.527","2.951","4.103","22.015"
            """;

    @Test
    void theFiguresOfATestAreReadByTheirColumnsNames() {
        assertThat(Compare.parseCsv(CSV, "set").text()).isEqualTo("9,096/s, p50 1.53 ms, p99 4.10 ms");
    }

    @Test
    void outputWithoutTheTestIsAClearError() {
        assertThatThrownBy(() -> Compare.parseCsv(CSV, "get"))
                .hasMessageStartingWith("no figures for get in redis-benchmark's output");
        assertThatThrownBy(() -> Compare.parseCsv("Could not connect to Redis at 127.0.0.1:7001", "set"))
                .hasMessageContaining("Could not connect");
    }

    @Test
    void aRowGivesBothSidesAndTheRatioOfTheirThroughputs() {
        String row = Compare.row(16, "set", new Compare.Figures(9096.31, 1.527, 4.103), new Compare.Figures(30321, 0.47, 0.9));

        assertThat(row).isEqualTo("| 16 | SET | 9,096/s, p50 1.53 ms, p99 4.10 ms | 30,321/s, p50 0.47 ms, p99 0.90 ms | 0.30 |");
    }

    @Test
    void aSyncIsTimedOnTheDiskAndItsProbeFileRemoved(@TempDir Path dir) throws Exception {
        Compare.SyncTime time = Compare.syncTime(dir.resolve("probe"));

        assertThat(time.p50Millis).isPositive().isLessThanOrEqualTo(time.p99Millis);
        assertThat(dir.resolve("probe")).doesNotExist();
    }
}
