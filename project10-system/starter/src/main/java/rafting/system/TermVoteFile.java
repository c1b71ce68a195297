package rafting.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import rafting.election.TermVote;

/**
 * Part 1: the term/vote record (Figure 2's currentTerm and votedFor, which a server must persist
 * before it answers an RPC) in a file of its own, {@code term-vote} in the folder given. The
 * reference writes 20 bytes: a magic number, the term (a long), the vote (an int) and a CRC32C
 * of the three. Any layout will do if a checksum covers every byte of it (the tests flip byte 11).
 *
 * <p>It is replaced, never changed in place: write the temporary file {@code term-vote.tmp},
 * force it, rename it over {@code term-vote} ({@code StandardCopyOption.ATOMIC_MOVE}), and force
 * the folder so that the rename itself is durable. A crash at any moment leaves either the old
 * record or the new one, never half of each; a leftover temporary file is ignored on load and
 * gone after the next save.
 */
public final class TermVoteFile {

    /** Part 1: the record in {@code dir/term-vote}; touches no file yet. */
    public TermVoteFile(Path dir) {
        throw new UnsupportedOperationException("Part 1: the file's paths");
    }

    /**
     * Part 1: the last record saved, or {@link TermVote#INITIAL} when none ever was. A file that
     * fails its checks (size, magic number, checksum) is a {@link CorruptLogException} whose
     * message contains {@code could vote twice} (the reference: {@code ... Refusing to start:
     * without it this node could vote twice in a term}).
     */
    public TermVote load() throws IOException {
        throw new UnsupportedOperationException("Part 1: read and check the record");
    }

    /** Part 1: replaces the record, durably, before returning (temporary file, force, atomic rename, force the folder). */
    public void save(TermVote termVote) throws IOException {
        throw new UnsupportedOperationException("Part 1: replace the record atomically");
    }

    /**
     * Part 1: replaces {@code file} with the bytes left in {@code bytes}, durably and whole:
     * written to {@code temp}, forced, renamed over {@code file} atomically, the folder forced.
     * {@link #save} uses it, and Part 10's {@code SnapshotFile}.
     */
    static void replace(Path file, Path temp, ByteBuffer bytes) throws IOException {
        throw new UnsupportedOperationException("Part 1: replace a file atomically");
    }

    /** Part 1: the path of {@code term-vote}. */
    public Path path() {
        throw new UnsupportedOperationException("Part 1: the record's path");
    }
}
