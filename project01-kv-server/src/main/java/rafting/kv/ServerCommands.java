package rafting.kv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands a client library sends on connect, before any command of its application, and
 * that concern the connection rather than the store: {@code COMMAND}, {@code HELLO},
 * {@code CLIENT}, {@code SELECT}. Both servers (Project 1's and each node of Project 10) answer
 * them here, enough for clients to go on: RESP2 only, one database.
 *
 * <pre>{@code
 * ServerCommands.answer(List.of(Bytes.of("SELECT"), Bytes.of("0")), "standalone", "master")   // Optional[OK]
 * }</pre>
 */
public final class ServerCommands {

    private ServerCommands() {
    }

    /**
     * The reply to {@code request} if it is one of these commands, else empty.
     *
     * @param mode {@code standalone} or {@code cluster}, as {@code HELLO} reports it
     * @param role {@code master} or {@code replica}, as {@code HELLO} reports it
     */
    public static Optional<Reply> answer(List<Bytes> request, String mode, String role) {
        String name = request.get(0).asString().toLowerCase(Locale.ROOT);
        if (!List.of("command", "hello", "client", "select").contains(name)) {
            return Optional.empty();
        }
        try {
            CommandTable.check(request);
        } catch (InvalidCommandException e) {
            return Optional.of(e.reply());
        }
        return Optional.of(switch (name) {
            case "command" -> CommandTable.command(request);
            case "hello" -> hello(request, mode, role);
            case "client" -> client(request);
            default -> select(request.get(1));
        });
    }

    /** {@code HELLO [2 [SETNAME name]]}: who we are, as a flat list of names and values (RESP2's map). */
    private static Reply hello(List<Bytes> request, String mode, String role) {
        if (request.size() > 1) {
            var version = Errors.parse(request.get(1));
            if (version.isEmpty()) {
                return Reply.error("ERR Protocol version is not an integer or out of range");
            }
            String noProto = "NOPROTO unsupported protocol version";
            if (version.getAsLong() < 2 || version.getAsLong() > 3) {
                return Reply.error(noProto);
            }
            for (int i = 2; i < request.size(); i++) {
                boolean setname = request.get(i).asString().equalsIgnoreCase("setname") && i + 1 < request.size();
                if (!setname) {
                    return Reply.error("ERR Syntax error in HELLO option '" + request.get(i).asString() + "'");
                }
                i++;
            }
            if (version.getAsLong() == 3) {
                return Reply.error(noProto); // Redis speaks RESP3 too; we speak RESP2 only
            }
        }
        return Reply.array(List.of(Reply.bulk("server"), Reply.bulk("rafting-kv"), Reply.bulk("version"),
                Reply.bulk("7.0.0"), Reply.bulk("proto"), Reply.integer(2), Reply.bulk("id"), Reply.integer(0),
                Reply.bulk("mode"), Reply.bulk(mode), Reply.bulk("role"), Reply.bulk(role), Reply.bulk("modules"),
                Reply.array(List.of())));
    }

    /** {@code CLIENT SETNAME|SETINFO|GETNAME|ID}: names are taken and forgotten; there is one kind of client. */
    private static Reply client(List<Bytes> request) {
        String sub = request.get(1).asString().toLowerCase(Locale.ROOT);
        return switch (sub) {
            case "setname" -> request.size() == 3 ? Reply.OK : Reply.error(CommandTable.wrongArity("client|setname"));
            case "setinfo" -> request.size() == 4 ? Reply.OK : Reply.error(CommandTable.wrongArity("client|setinfo"));
            case "getname" -> request.size() == 2 ? Reply.NIL : Reply.error(CommandTable.wrongArity("client|getname"));
            case "id" -> request.size() == 2 ? Reply.integer(0) : Reply.error(CommandTable.wrongArity("client|id"));
            default -> Reply.error(CommandTable.unknownSubcommand("client", request.get(1)));
        };
    }

    /** {@code SELECT 0}: the one database there is. */
    private static Reply select(Bytes index) {
        var n = Errors.parse(index);
        if (n.isEmpty()) {
            return Reply.error(Errors.NOT_AN_INTEGER);
        }
        return n.getAsLong() == 0 ? Reply.OK : Reply.error("ERR DB index is out of range");
    }
}
