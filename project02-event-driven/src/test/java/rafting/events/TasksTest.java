package rafting.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Communicating tasks: channels with an end, groups that end together. */
@Tag("part3")
class TasksTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @Test
    void threeTasksJoinedByChannelsComputeTheSumOfSquares() throws Exception {
        int n = 10_000;
        long expected = (long) n * (n + 1) * (2L * n + 1) / 6;

        assertThat(SumOfSquares.compute(n, 1)).as("capacity 1: every send waits for its receiver")
                .isEqualTo(expected);
        assertThat(SumOfSquares.compute(n, 64)).isEqualTo(expected);
    }

    @Test
    void aClosedChannelHandsOverWhatWasSentThenTheEnd() throws Exception {
        Channel<String> channel = Channel.withCapacity(4);
        channel.send("a");
        channel.send("b");
        channel.close();

        assertThat(channel.receive()).contains("a");
        assertThat(channel.receive()).contains("b");
        assertThat(channel.receive()).isEmpty();
        assertThat(channel.receive()).as("the end stays the end").isEmpty();
        assertThatThrownBy(() -> channel.send("c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aFullChannelMakesTheSenderWaitForTheReceiver() throws Exception {
        Channel<Integer> channel = Channel.withCapacity(1);
        try (TaskGroup group = TaskGroup.named("pressure")) {
            group.fork("send", () -> {
                channel.send(1);
                channel.send(2); // waits until 1 is taken
                channel.close();
            });
            assertThat(channel.receive()).contains(1);
            assertThat(channel.receive()).contains(2);
            assertThat(channel.receive()).isEmpty();
            group.join(DEADLINE);
        }
    }

    @Test
    void aFailingTaskInterruptsTheOthersAndJoinReportsIt() throws Exception {
        Channel<Integer> neverFilled = Channel.withCapacity(1);
        TaskGroup group = TaskGroup.named("failing");
        group.fork("waits forever", () -> {
            Optional<Integer> nothing = neverFilled.receive();
            throw new AssertionError("should have been interrupted, got " + nothing);
        });
        group.fork("fails", () -> {
            throw new IllegalArgumentException("bad input");
        });

        assertThatThrownBy(() -> group.join(DEADLINE))
                .hasMessageContaining("task fails of failing failed")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("failing/"));
    }

    @Test
    void joinGivesUpAfterItsTimeoutAndLeavesNoTaskRunning() throws Exception {
        TaskGroup group = TaskGroup.named("slow");
        Channel<Integer> neverFilled = Channel.withCapacity(1);
        group.fork("waits", neverFilled::receive);

        assertThatThrownBy(() -> group.join(Duration.ofMillis(50))).isInstanceOf(TimeoutException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("slow/"));
    }
}
