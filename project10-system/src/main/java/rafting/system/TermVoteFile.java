package rafting.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import rafting.election.TermVote;

/**
 * The term/vote record (Figure 2's currentTerm and votedFor) in a file of its own, 20 bytes:
 * a magic number, the term, the vote and a CRC32C of the three.
 *
 * <p>It is replaced, never changed in place: write a temporary file, force it, rename it over
 * the old one (an atomic rename), force the folder so the rename itself is durable. A crash at
 * any moment leaves either the old record or the new one, never half of each; a leftover
 * temporary file is ignored.
 */
public final class TermVoteFile {

    private static final int MAGIC = 0x52465456; // "RFTV"
    private static final int SIZE = 4 + 8 + 4 + 4;

    private final Path file;
    private final Path temp;

    public TermVoteFile(Path dir) {
        this.file = dir.resolve("term-vote");
        this.temp = dir.resolve("term-vote.tmp");
    }

    /** The last record saved, or {@link TermVote#INITIAL} when none ever was. */
    public TermVote load() throws IOException {
        if (!Files.exists(file)) {
            return TermVote.INITIAL;
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length != SIZE || in.getInt() != MAGIC || in.getInt(SIZE - 4) != crc(bytes)) {
            throw new CorruptLogException(file + " is damaged (" + bytes.length + " bytes, checksum or magic wrong);"
                    + " it is only ever replaced whole, so the disk changed it. Refusing to start: without it this"
                    + " node could vote twice in a term");
        }
        return new TermVote(in.getLong(4), in.getInt(12));
    }

    /** Replaces the record, durably, before returning. */
    public void save(TermVote termVote) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(SIZE).putInt(MAGIC).putLong(termVote.term()).putInt(termVote.votedFor());
        out.putInt(crc(out.array()));
        out.flip();
        replace(file, temp, out);
    }

    /**
     * Replaces {@code file} with the bytes left in {@code bytes}, durably and whole: written to
     * {@code temp}, forced, renamed over {@code file} (an atomic rename), the folder forced.
     */
    static void replace(Path file, Path temp, ByteBuffer bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SegmentLogStorage.syncDirectory(file.getParent());
    }

    public Path path() {
        return file;
    }

    private static int crc(byte[] record) {
        CRC32C checksum = new CRC32C();
        checksum.update(record, 0, SIZE - 4);
        return (int) checksum.getValue();
    }
}
