package echolab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An address of this machine that is not the loopback, for tests of what a server does with a
 * client from another machine: a connection from it is, to the server, any student's.
 */
public final class OtherAddress {

    private OtherAddress() {
    }

    /**
     * An up interface's address that is neither loopback nor link-local (which would need a scope),
     * IPv4 first; the calling test is skipped, saying why, on a machine that has none.
     */
    public static InetAddress orSkip() throws SocketException {
        List<InetAddress> candidates = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                candidates.addAll(Collections.list(nic.getInetAddresses()));
            }
        }
        Optional<InetAddress> found = candidates.stream()
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                .min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
        assumeTrue(found.isPresent(), "this machine has no address but the loopback (and link-local ones), "
                + "so no connection can come from another machine's address");
        return found.get();
    }
}
