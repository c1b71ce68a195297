package rafting.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import rafting.kv.Bytes;
import rafting.kv.Reply;

/**
 * Redis's {@code requirepass}, for one client connection: when the node has a password, the
 * connection may send only {@code AUTH} (and {@code QUIT}) until it has given it. Without a
 * password every connection is let in, as in the demo. The password is compared in constant time.
 *
 * <p>It protects the data from processes that can reach the client port but cannot read the
 * password file; it does not encrypt anything, and a wrong password is not slowed down.
 */
final class ClientAuth {

    static final Reply NOAUTH = Reply.error("NOAUTH Authentication required.");
    static final Reply WRONGPASS = Reply.error("WRONGPASS invalid username-password pair or user is disabled.");
    static final Reply NO_PASSWORD = Reply.error("ERR AUTH <password> called without any password configured"
            + " for the default user. Are you sure your configuration is correct?");

    private final byte[] password;
    private boolean authenticated;

    /** A connection's gate for {@code password}, or an open one if it is null. */
    ClientAuth(byte[] password) {
        this.password = password == null ? null : password.clone();
    }

    /**
     * The reply to {@code request} if this gate answers it ({@code AUTH}) or stops it (anything
     * but {@code QUIT} before the password); null if it may go on.
     */
    Reply gate(List<Bytes> request) {
        String name = request.get(0).asString().toLowerCase(Locale.ROOT);
        if (name.equals("auth")) {
            return auth(request);
        }
        return password == null || authenticated || name.equals("quit") ? null : NOAUTH;
    }

    private Reply auth(List<Bytes> request) {
        if (request.size() < 2 || request.size() > 3) {
            return Reply.error("ERR wrong number of arguments for 'auth' command");
        }
        if (password == null) {
            return NO_PASSWORD;
        }
        boolean defaultUser = request.size() == 2 || request.get(1).asString().equals("default");
        byte[] given = request.get(request.size() - 1).toByteArray();
        if (defaultUser & MessageDigest.isEqual(given, password)) {
            authenticated = true;
            return Reply.simple("OK");
        }
        return WRONGPASS;
    }

    /** The password in a file of one line (its end of line is not part of it). */
    static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException(file + " holds no password");
        }
        return text.getBytes(UTF_8);
    }
}
