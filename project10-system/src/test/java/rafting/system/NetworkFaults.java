package rafting.system;

import java.io.IOException;

/**
 * What a test can do to the network between node processes: {@link PeerProxies} does it in
 * proxies between the peers, {@link NetworkNamespaces} in the kernel, between hosts of their own.
 */
interface NetworkFaults {

    /** Makes every path worse: messages lost, and delayed where the implementation can. */
    void degrade() throws IOException;

    /** {@code node} neither hears nor is heard. */
    void isolate(int node) throws IOException;

    /** Nothing {@code node} sends to {@code peers} arrives; what they send it still does. */
    void cutOutgoing(int node, int... peers) throws IOException;

    /** Every fault undone. */
    void heal() throws IOException;
}
