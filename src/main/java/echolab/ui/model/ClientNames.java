package echolab.ui.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The name a client the server accepted goes by in the diagram, the client list and the log, when
 * only the server's side of it is seen (no simulated client of the lab's own claims it).
 *
 * <p>A client from another machine, a student's, is named by that machine's address, so the
 * teacher sees which student is which: {@code 192.168.1.23}, and {@code 192.168.1.23 #2} while
 * the same machine has a second connection open (each connection takes the lowest number its
 * machine has free, so a student who reconnects is the bare address again). A client from this
 * machine (loopback: the lab's own clients, whose own events soon rename them, and the teacher's
 * {@code nc}) keeps the name it always had, {@code 127.0.0.1:53122 (external)}.
 *
 * <p>Names stay short enough for a diagram chip, which is as wide as its text: an IPv6 address is
 * written compressed, without its scope, and at most {@value #MAX_ADDRESS} characters, keeping its
 * end (the part that tells machines of one network apart): {@code …1319:8a2e:370:7348}.
 *
 * <p>No toolkit: the view model asks it as it folds events. Threading: one thread (the FX
 * thread); not safe for more.
 */
public final class ClientNames {

    /** The longest address a name shows; an IPv4 address (15 at most) always fits. */
    static final int MAX_ADDRESS = 20;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** The number a connection from another machine goes by: 1 for the bare address. */
    public record Taken(String host, int number) {}

    /** Who goes by which number, as a value (the time machine's checkpoints). */
    public record Snapshot(Map<Long, Taken> taken) {
        public Snapshot {
            taken = Map.copyOf(taken);
        }
    }

    /** Per other machine, the numbers its open connections go by (bit 1 for the bare address). */
    private final Map<String, BitSet> numbersByHost = new HashMap<>();
    private final Map<Long, Taken> takenByClient = new HashMap<>();

    /**
     * The name of the client the server accepted as connection {@code clientId} from {@code remote}
     * ({@code host:port}, as {@code ClientAccepted} gives it). A client from another machine keeps
     * its number until {@link #closed}.
     */
    public String accepted(long clientId, String remote) {
        String host = otherMachine(remote);
        if (host == null) {
            return remote + " (external)";
        }
        closed(clientId); // never twice from one server; should it be, the first name is given back
        BitSet numbers = numbersByHost.computeIfAbsent(host, h -> new BitSet());
        int number = numbers.nextClearBit(1);
        numbers.set(number);
        takenByClient.put(clientId, new Taken(host, number));
        return number == 1 ? host : host + " #" + number;
    }

    /** Connection {@code clientId} closed: its number is free for its machine's next connection. */
    public void closed(long clientId) {
        Taken t = takenByClient.remove(clientId);
        if (t == null) {
            return;
        }
        BitSet numbers = numbersByHost.get(t.host());
        numbers.clear(t.number());
        if (numbers.isEmpty()) {
            numbersByHost.remove(t.host());
        }
    }

    /** The numbers taken now, as a value later connections do not change. */
    public Snapshot snapshot() {
        return new Snapshot(takenByClient);
    }

    /** Takes the numbers {@code s} had taken, and only those; each machine's numbers follow from them. */
    public void restore(Snapshot s) {
        takenByClient.clear();
        numbersByHost.clear();
        takenByClient.putAll(s.taken());
        for (Taken t : s.taken().values()) {
            numbersByHost.computeIfAbsent(t.host(), h -> new BitSet()).set(t.number());
        }
    }

    /**
     * The address to name a client from {@code remote} by, short as {@link #MAX_ADDRESS} allows, or
     * null when it comes from this machine's loopback or is not an address followed by a port.
     */
    static String otherMachine(String remote) {
        int colon = remote == null ? -1 : remote.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String literal = remote.substring(0, colon);
        int scope = literal.indexOf('%');
        if (scope >= 0) {
            literal = literal.substring(0, scope); // fe80::1%eth0: the scope means something on this machine only
        }
        InetAddress address;
        try {
            address = parsed(literal);
        } catch (UnknownHostException e) {
            return null;
        }
        if (address.isLoopbackAddress()) {
            return null;
        }
        return address instanceof Inet6Address ? shortened(compressed(address.getAddress())) : address.getHostAddress();
    }

    /** The address {@code literal} writes; never looked up by name, which could wait on DNS. */
    private static InetAddress parsed(String literal) throws UnknownHostException {
        if (IPV4.matcher(literal).matches()) {
            String[] parts = literal.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    throw new UnknownHostException(literal);
                }
                bytes[i] = (byte) part;
            }
            return InetAddress.getByAddress(bytes);
        }
        if (literal.contains(":")) {
            return InetAddress.getByName(literal); // with a colon only ever an IPv6 literal, parsed or refused
        }
        throw new UnknownHostException(literal);
    }

    /** An IPv6 address as people write it: groups without leading zeros, the longest run of zero groups as {@code ::}. */
    static String compressed(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is written 0, not ::
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                b.append("::");
                i += bestLength - 1;
                continue;
            }
            if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
                b.append(':');
            }
            b.append(Integer.toHexString(groups[i]));
        }
        return b.toString();
    }

    /** {@code address}, or its end after an ellipsis, cut at a group, when longer than {@link #MAX_ADDRESS}. */
    static String shortened(String address) {
        if (address.length() <= MAX_ADDRESS) {
            return address;
        }
        int start = address.length() - (MAX_ADDRESS - 1);
        while (address.charAt(start - 1) != ':') {
            start++; // not into the middle of a group
        }
        while (start < address.length() - 1 && address.charAt(start) == ':') {
            start++;
        }
        return "…" + address.substring(start);
    }
}
