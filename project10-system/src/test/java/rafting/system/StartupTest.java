package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot start says why in one line, and leaves nothing open behind it. */
@Tag("part6")
class StartupTest {

    @TempDir
    Path dir;

    @Test
    void aPortInUseIsRefusedWithAHintAndReleasesTheDataFolder() throws Exception {
        try (var cluster = new TestCluster(1, dir)) {
            Path other = dir.resolve("other");
            assertThatThrownBy(() -> KvNode.start(1, cluster.config, other))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("is another node running?");
            DataFolder.open(other).close(); // not left locked by the failed start
        }
    }

    @Test
    void aDataFolderInUseIsRefused() throws Exception {
        try (var cluster = new TestCluster(1, dir)) {
            ClusterFile elsewhere = TestCluster.config(cluster.config.clusterId(), 1);
            assertThatThrownBy(() -> KvNode.start(1, elsewhere, dir.resolve("node-1")))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another node");
        }
    }

    @Test
    void rejectsArgumentsWithAUsageMessage() {
        assertThatThrownBy(() -> RaftKv.run(new String[] {"node", "4"}))
                .isInstanceOf(RaftKv.UsageException.class).hasMessageContaining("not in the cluster");
        assertThatThrownBy(() -> RaftKv.run(new String[] {"bench", "--clients"}))
                .isInstanceOf(RaftKv.UsageException.class).hasMessageContaining("--clients needs a value");
        assertThatThrownBy(() -> RaftKv.run(new String[] {"cluster", "--nodes", "12"}))
                .isInstanceOf(RaftKv.UsageException.class).hasMessageContaining("1 to 9");
        assertThat(RaftKv.words("set x \"hello world\"")).containsExactly("set", "x", "hello world");
    }
}
