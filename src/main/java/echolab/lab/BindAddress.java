package echolab.lab;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address {@code --bind} names, checked before anything listens: a host that does not resolve,
 * or an address that is not this machine's, is refused in one line; anything but the loopback
 * opens the server to the network, which is said. Also: the addresses students can be given.
 */
public final class BindAddress {

    private BindAddress() {
    }

    /**
     * The address {@code bind} names.
     *
     * @throws IllegalArgumentException saying why, in one line, when it cannot be listened on here
     */
    public static InetAddress resolve(String bind) {
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("no such host '" + bind + "'");
        }
        try {
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("cannot listen on " + bind + ": it is not an address of this machine");
            }
        } catch (SocketException e) {
            throw new IllegalArgumentException("cannot listen on " + bind + ": " + e.getMessage());
        }
        return address;
    }

    /** Whether {@code host} means every address of the machine (0.0.0.0, or IPv6's ::). */
    public static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The warning for a server reachable from the network, or null for the loopback. */
    public static String warning(InetAddress address, String bind) {
        return address.isLoopbackAddress() ? null
                : "warning: listening on " + bind + ": anybody who can reach this machine can connect";
    }

    /**
     * The addresses of this machine that others on the network can connect to when the server
     * listens on {@code host}: IPv4 first, no loopback; just {@code host} when it names one address.
     */
    public static List<String> reachableAt(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return List.of(host);
        }
        if (address.isLoopbackAddress()) {
            return List.of();
        }
        if (!address.isAnyLocalAddress()) {
            return List.of(address.getHostAddress());
        }
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLinkLocalAddress()) {
                        continue;
                    }
                    String text = a.getHostAddress().replaceAll("%.*$", ""); // the scope is for this machine only
                    (a instanceof Inet4Address ? v4 : v6).add(text);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        v4.addAll(v6);
        return v4;
    }
}
