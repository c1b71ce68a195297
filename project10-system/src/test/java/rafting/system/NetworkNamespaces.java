package rafting.system;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hosts of their own for the nodes of a test: one network namespace per node ({@code ip netns}),
 * each with one interface on a bridge that this process also sits on, so node i has the address
 * {@code 10.77.N.i} that exists only inside this test, and reaches the others only over the
 * bridge. Faults are the network's: a node's cable pulled ({@link #isolate}), a firewall in a
 * node's namespace that drops what it sends to some peers ({@link #cutOutgoing}, a one-way
 * partition), or one packet in ten ({@link #degrade}, with nftables). No delay: that needs
 * the kernel's {@code netem}, which some kernels lack ({@link #canDelay}).
 *
 * <p>Needs root, {@code ip} and {@code nft}; {@link #missing} says what is absent. {@link #close}
 * removes everything it made, also after a failed test.
 */
final class NetworkNamespaces implements NetworkFaults, Closeable {

    private final String prefix = "rk" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 16));
    private final int subnet = 1 + ThreadLocalRandom.current().nextInt(250);
    private final Map<Integer, String> namespaces = new TreeMap<>();
    private final String bridge = prefix + "br";

    /** What this machine lacks to make namespaces, or null if nothing. */
    static String missing() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "root (network namespaces need it)";
        }
        for (String tool : List.of("ip", "nft")) {
            if (!onPath(tool)) {
                return "the " + tool + " command (" + (tool.equals("ip") ? "iproute2" : "nftables") + ")";
            }
        }
        return null;
    }

    private static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Namespaces for nodes 1 to {@code nodes} on a fresh bridge. */
    NetworkNamespaces(int nodes) throws IOException {
        try {
            run("ip", "link", "add", bridge, "type", "bridge");
            run("ip", "addr", "add", "10.77." + subnet + ".254/24", "dev", bridge);
            run("ip", "link", "set", bridge, "up");
            for (int id = 1; id <= nodes; id++) {
                String ns = prefix + "n" + id;
                run("ip", "netns", "add", ns);
                namespaces.put(id, ns);
                run("ip", "link", "add", cable(id), "type", "veth", "peer", "name", "eth0", "netns", ns);
                run("ip", "link", "set", cable(id), "master", bridge);
                run("ip", "link", "set", cable(id), "up");
                run("ip", "-n", ns, "addr", "add", host(id) + "/24", "dev", "eth0");
                run("ip", "-n", ns, "link", "set", "eth0", "up");
                run("ip", "-n", ns, "link", "set", "lo", "up");
                run("ip", "netns", "exec", ns, "nft", "add", "table", "inet", "faults");
                run("ip", "netns", "exec", ns, "nft", "add", "chain", "inet", "faults", "out",
                        "{ type filter hook output priority 0; }");
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Node {@code id}'s own address, which exists in its namespace only. */
    String host(int id) {
        return "10.77." + subnet + "." + id;
    }

    /** Node {@code id}'s client and peer addresses: the same ports on every host, as on real machines. */
    ClusterFile.Addresses addresses(int id) {
        return new ClusterFile.Addresses(new InetSocketAddress(host(id), 7001), new InetSocketAddress(host(id), 7101));
    }

    /** The words that run a command inside node {@code id}'s namespace. */
    List<String> inside(int id) {
        return List.of("ip", "netns", "exec", namespaces.get(id));
    }

    /** Pulls node {@code id}'s cable: it neither hears nor is heard, by peers or clients. */
    @Override
    public void isolate(int id) throws IOException {
        run("ip", "link", "set", cable(id), "down");
    }

    /** A firewall in its namespace drops what it sends to {@code to}; what they send it still arrives. */
    @Override
    public void cutOutgoing(int id, int... to) throws IOException {
        for (int peer : to) {
            run("ip", "netns", "exec", namespaces.get(id), "nft", "add", "rule", "inet", "faults", "out",
                    "ip", "daddr", host(peer), "drop");
        }
    }

    /** Every node loses one packet in ten of those it sends. */
    @Override
    public void degrade() throws IOException {
        for (String ns : namespaces.values()) {
            run("ip", "netns", "exec", ns, "nft", "add", "rule", "inet", "faults", "out",
                    "numgen", "random", "mod", "10", "<", "1", "drop");
        }
    }

    /** Every cable in, every firewall rule gone. */
    @Override
    public void heal() throws IOException {
        for (var entry : namespaces.entrySet()) {
            run("ip", "link", "set", cable(entry.getKey()), "up");
            run("ip", "netns", "exec", entry.getValue(), "nft", "flush", "chain", "inet", "faults", "out");
        }
    }

    /** True if this kernel can delay packets ({@code tc netem}). */
    boolean canDelay() {
        String ns = namespaces.values().iterator().next();
        try {
            run("ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", "eth0", "root", "netem", "delay", "1ms");
            run("ip", "netns", "exec", ns, "tc", "qdisc", "del", "dev", "eth0", "root");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String cable(int id) {
        return prefix + "v" + id;
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** Removes the namespaces (their ends of the cables go with them) and the bridge. */
    @Override
    public void close() {
        var failures = new ArrayList<String>();
        for (String ns : namespaces.values()) {
            try {
                run("ip", "netns", "del", ns);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        namespaces.clear();
        try {
            run("ip", "link", "del", bridge);
        } catch (IOException e) {
            failures.add(e.getMessage());
        }
        if (!failures.isEmpty()) {
            System.err.println("NetworkNamespaces: left behind: " + failures);
        }
    }
}
