package rafting.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import rafting.log.LogEntry;
import rafting.replication.AppendEntries;
import rafting.replication.AppendEntriesResponse;
import rafting.replication.InstallSnapshot;
import rafting.replication.InstallSnapshotResponse;
import rafting.replication.Message;
import rafting.replication.RequestVote;
import rafting.replication.RequestVoteResponse;

@Tag("part2")
class MessageCodecTest {

    static Stream<Message> messages() {
        return Stream.of(
                new AppendEntries(1, 2, 3, 5, 2, List.of(LogEntry.of(3, "set x 1"), LogEntry.noop(3),
                        new LogEntry(3, new byte[] {0, -1, 13, 10})), 4),
                new AppendEntries(1, 3, 7, 0, 0, List.of(), 0),
                AppendEntriesResponse.success(2, 1, 3, 8),
                AppendEntriesResponse.refusal(3, 1, 3, 4),
                new RequestVote(2, 1, 9, 12, 8, false),
                new RequestVote(2, 3, 9, 12, 8, true),
                new RequestVoteResponse(1, 2, 9, true, false),
                new RequestVoteResponse(3, 2, 9, false, true),
                new InstallSnapshot(1, 2, 9, 120, 4, 512, new byte[] {0, 1, -1, 7}, false),
                new InstallSnapshot(1, 3, 9, 120, 4, 0, new byte[0], true),
                new InstallSnapshotResponse(2, 1, 9, 120, 516, false),
                new InstallSnapshotResponse(3, 1, 9, 120, 0, true));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageComesBackEqual(Message message) throws ProtocolException {
        assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void aFrameCutShortAnywhereIsRefused(Message message) {
        byte[] whole = MessageCodec.encode(message);
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> MessageCodec.decode(cut)).as("cut to %d bytes", length)
                    .isInstanceOf(ProtocolException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("messages")
    void aByteLeftOverIsRefused(Message message) {
        byte[] longer = Arrays.copyOf(MessageCodec.encode(message), MessageCodec.encode(message).length + 1);
        assertThatThrownBy(() -> MessageCodec.decode(longer)).hasMessageContaining("left over");
    }

    @Test
    void anUnknownTypeIsRefused() {
        byte[] frame = MessageCodec.encode(new RequestVoteResponse(1, 2, 9, true, false));
        frame[0] = 9;
        assertThatThrownBy(() -> MessageCodec.decode(frame)).hasMessageContaining("unknown message type 9");
    }

    @Test
    void aFlagOtherThanZeroOrOneIsRefused() {
        byte[] frame = MessageCodec.encode(new RequestVoteResponse(1, 2, 9, true, false));
        frame[frame.length - 1] = 7;
        assertThatThrownBy(() -> MessageCodec.decode(frame)).hasMessageContaining("a flag is 0 or 1");
    }

    @Test
    void anEntryCountLargerThanTheFrameIsRefusedBeforeAllocating() {
        byte[] frame = MessageCodec.encode(new AppendEntries(1, 2, 3, 0, 0, List.of(), 0));
        ByteBuffer.wrap(frame).putInt(frame.length - 4, Integer.MAX_VALUE);
        assertThatThrownBy(() -> MessageCodec.decode(frame)).hasMessageContaining("claims 2147483647 entries");
    }

    @Test
    void valuesNoMessageCanHoldAreRefused() {
        byte[] frame = MessageCodec.encode(new RequestVote(2, 1, 9, 12, 8, false));
        ByteBuffer.wrap(frame).putInt(5, 2); // to = from
        assertThatThrownBy(() -> MessageCodec.decode(frame)).hasMessageContaining("not a valid message");
    }

    @Test
    void randomBytesNeverThrowAnythingButAProtocolException() {
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = (byte) (1 + random.nextInt(4)); // mostly known types, to get past the first check
            }
            try {
                MessageCodec.decode(junk);
            } catch (ProtocolException expected) {
                // the only way it may fail
            }
        }
    }
}
