package echolab.observe.check;

import java.util.List;
import java.util.regex.Pattern;

import echolab.clients.Framing;

/**
 * How to check a student's server.
 *
 * @param framing        the framing to speak, or null to find out (line first, then blank line)
 * @param bursts         sizes of the bursts of clients connecting at once
 * @param counterPattern a pattern whose one group is the running total the server prints, or null
 * @param counterUnit    what that total counts
 * @param timeoutSeconds how long a client may wait for its echo before it counts as never answered; in a
 *                       wave or a burst, how long none of its clients may be answered ({@link GroupWait})
 * @param clientPrefix   how the check's clients are named: {@code client-} gives {@code client-1}, ...
 */
public record CheckSettings(Framing framing, List<Integer> bursts, Pattern counterPattern, CounterUnit counterUnit,
                            int timeoutSeconds, String clientPrefix) {

    public static final List<Integer> DEFAULT_BURSTS = List.of(1, 8, 16, 32);

    public CheckSettings {
        bursts = List.copyOf(bursts);
        if (counterPattern != null && counterPattern.matcher("").groupCount() != 1) {
            throw new IllegalArgumentException("the counter pattern needs exactly one group, the total: "
                    + counterPattern.pattern());
        }
    }

    /** Clients named {@code client-1}, {@code client-2}, ... */
    public CheckSettings(Framing framing, List<Integer> bursts, Pattern counterPattern, CounterUnit counterUnit,
                         int timeoutSeconds) {
        this(framing, bursts, counterPattern, counterUnit, timeoutSeconds, "client-");
    }

    /** The same, with the clients named {@code prefix1}, {@code prefix2}, ... (beside other clients on one bus). */
    public CheckSettings withClientPrefix(String prefix) {
        return new CheckSettings(framing, bursts, counterPattern, counterUnit, timeoutSeconds, prefix);
    }

    /** Find the framing, the lab's bursts, no counter, 5 s per echo. */
    public static CheckSettings defaults() {
        return new CheckSettings(null, DEFAULT_BURSTS, null, CounterUnit.BYTES, 5);
    }
}
