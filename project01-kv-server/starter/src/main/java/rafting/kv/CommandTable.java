package rafting.kv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Given whole (issue 19): Every command our servers know, with what Redis's {@code COMMAND} says of it: its arity (n
 * arguments exactly, or -n for at least n, the name counted), its flags and where its keys are.
 * One table serves the arity check of {@link KvCommand#parse} and the {@code COMMAND} reply that
 * cluster clients read on connect to learn where each command's key is (to route it to its slot).
 *
 * <pre>{@code
 * CommandTable.find("get")    // Optional[Spec[name=get, arity=2, flags=[readonly, fast], firstKey=1, lastKey=1, step=1]]
 * }</pre>
 */
public final class CommandTable {

    /** One command as {@code COMMAND INFO} shows it (the first seven fields, as Redis 6 gives them). */
    public record Spec(String name, int arity, List<String> flags, int firstKey, int lastKey, int step) {
        public Spec {
            flags = List.copyOf(flags);
        }

        /** Whether {@code n} words, the name included, are a valid count for this command. */
        public boolean accepts(int n) {
            return arity >= 0 ? n == arity : n >= -arity;
        }

        /** {@code [name, arity, [flags], first key, last key, step, []]}. */
        public Reply info() {
            return Reply.array(List.of(Reply.bulk(name), Reply.integer(arity),
                    Reply.array(flags.stream().map(Reply::simple).toList()),
                    Reply.integer(firstKey), Reply.integer(lastKey), Reply.integer(step), Reply.array(List.of())));
        }
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        String w = "write";
        String r = "readonly";
        String f = "fast";
        String d = "denyoom";
        add("ping", -1, List.of(f), 0, 0, 0);
        add("quit", -1, List.of(f), 0, 0, 0);
        add("get", 2, List.of(r, f), 1, 1, 1);
        add("set", -3, List.of(w, d), 1, 1, 1);
        add("del", -2, List.of(w), 1, -1, 1);
        add("exists", -2, List.of(r, f), 1, -1, 1);
        add("cas", 4, List.of(w, d), 1, 1, 1);
        add("incr", 2, List.of(w, d, f), 1, 1, 1);
        add("decr", 2, List.of(w, d, f), 1, 1, 1);
        add("incrby", 3, List.of(w, d, f), 1, 1, 1);
        add("decrby", 3, List.of(w, d, f), 1, 1, 1);
        add("append", 3, List.of(w, d), 1, 1, 1);
        add("strlen", 2, List.of(r, f), 1, 1, 1);
        add("getdel", 2, List.of(w, f), 1, 1, 1);
        add("getset", 3, List.of(w, d, f), 1, 1, 1);
        add("setnx", 3, List.of(w, d, f), 1, 1, 1);
        add("mget", -2, List.of(r, f), 1, -1, 1);
        add("mset", -3, List.of(w, d), 1, -1, 2);
        add("msetnx", -3, List.of(w, d), 1, -1, 2);
        add("expire", -3, List.of(w, f), 1, 1, 1);
        add("pexpire", -3, List.of(w, f), 1, 1, 1);
        add("ttl", 2, List.of(r, f), 1, 1, 1);
        add("pttl", 2, List.of(r, f), 1, 1, 1);
        add("persist", 2, List.of(w, f), 1, 1, 1);
        add("dbsize", 1, List.of(r, f), 0, 0, 0);
        add("flushall", -1, List.of(w), 0, 0, 0);
        add("command", -1, List.of("loading", "stale"), 0, 0, 0);
        add("hello", -1, List.of("noscript", "loading", "stale", f), 0, 0, 0);
        add("info", -1, List.of("loading", "stale"), 0, 0, 0);
        add("select", 2, List.of("loading", "stale", f), 0, 0, 0);
        add("client", -2, List.of("loading", "stale"), 0, 0, 0);
        add("cluster", -2, List.of(), 0, 0, 0);
        add("readonly", 1, List.of("loading", "stale", f), 0, 0, 0);
        add("readwrite", 1, List.of("loading", "stale", f), 0, 0, 0);
    }

    private CommandTable() {
    }

    private static void add(String name, int arity, List<String> flags, int firstKey, int lastKey, int step) {
        SPECS.put(name, new Spec(name, arity, flags, firstKey, lastKey, step));
    }

    /** The command named {@code name} (any case), if we know it. */
    public static Optional<Spec> find(String name) {
        return Optional.ofNullable(SPECS.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every command we know, in the order of the table. */
    public static List<Spec> all() {
        return List.copyOf(SPECS.values());
    }

    /**
     * Checks that {@code args} name a known command with a valid number of arguments.
     *
     * @return the command's name in lower case
     * @throws InvalidCommandException with Redis 7's error, word for word
     */
    static String check(List<Bytes> args) throws InvalidCommandException {
        String name = args.get(0).asString().toLowerCase(Locale.ROOT);
        Spec spec = SPECS.get(name);
        if (spec == null) {
            throw new InvalidCommandException(unknown(args));
        }
        if (!spec.accepts(args.size())) {
            throw new InvalidCommandException(wrongArity(name));
        }
        return name;
    }

    /** {@code ERR wrong number of arguments for 'get' command}. */
    public static String wrongArity(String name) {
        return "ERR wrong number of arguments for '" + name + "' command";
    }

    /**
     * Redis 7's line for an unknown command: {@code ERR unknown command 'foo', with args beginning
     * with: 'a' 'b' }, the name cut at 128 bytes and the arguments shown while under 128 bytes in
     * all. Bytes that are not printable ASCII are escaped as {@code redis-cli} shows them.
     */
    public static String unknown(List<Bytes> args) {
        StringBuilder shown = new StringBuilder();
        for (int i = 1; i < args.size() && shown.length() < 128; i++) {
            String arg = printable(args.get(i));
            shown.append('\'').append(arg, 0, Math.min(arg.length(), 128 - shown.length())).append("' ");
        }
        String name = printable(args.get(0));
        return "ERR unknown command '" + name.substring(0, Math.min(name.length(), 128))
                + "', with args beginning with: " + shown;
    }

    /** Redis 7's line for an unknown subcommand: {@code ERR unknown subcommand 'foo'. Try CLUSTER HELP.} */
    public static String unknownSubcommand(String command, Bytes subcommand) {
        String name = printable(subcommand);
        return "ERR unknown subcommand '" + name.substring(0, Math.min(name.length(), 128)) + "'. Try "
                + command.toUpperCase(Locale.ROOT) + " HELP.";
    }

    /** The reply to {@code COMMAND}, {@code COMMAND COUNT}, {@code COMMAND INFO name...} and {@code COMMAND DOCS}. */
    public static Reply command(List<Bytes> args) {
        if (args.size() == 1) {
            return Reply.array(all().stream().map(Spec::info).toList());
        }
        String sub = args.get(1).asString().toLowerCase(Locale.ROOT);
        switch (sub) {
            case "count":
                return args.size() == 2 ? Reply.integer(SPECS.size()) : Reply.error(wrongArity("command|count"));
            case "info": {
                var infos = new ArrayList<Reply>();
                for (Bytes name : args.subList(2, args.size())) {
                    infos.add(find(name.asString()).map(Spec::info).orElse(Reply.NIL));
                }
                return Reply.array(infos);
            }
            case "docs":
                return Reply.array(List.of()); // no documentation to give: clients take an empty map
            default:
                return Reply.error(unknownSubcommand("command", args.get(1)));
        }
    }

    private static String printable(Bytes bytes) {
        String quoted = bytes.toString();
        return quoted.substring(1, quoted.length() - 1);
    }
}
