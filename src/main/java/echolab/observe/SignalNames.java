package echolab.observe;

import java.util.Map;

/**
 * The names of the signals a student's server dies of, as {@code kill -l} and the lab say them
 * ({@code SIGSEGV}), and what each usually means in a student's echo server.
 *
 * <p>Threading: stateless.
 */
public final class SignalNames {

    // Linux's numbers; the few that differ on macOS (SIGBUS 10, SIGUSR1 30, ...) are read there as Linux's would be
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(24, "SIGXCPU"),
            Map.entry(25, "SIGXFSZ"), Map.entry(31, "SIGSYS"));

    private SignalNames() {
    }

    /** {@code SIGSEGV} for 11; {@code signal 42} for a number without a name here. */
    public static String name(int signal) {
        return NAMES.getOrDefault(signal, "signal " + signal);
    }

    /** What a signal usually says about a student's server, in a few words; empty when it says nothing special. */
    public static String meaning(int signal) {
        return switch (signal) {
            case 11, 7 -> "a read or write past the end of a buffer, or through a bad pointer";
            case 6 -> "the program aborted itself: a failed assert, a corrupted heap, or \"stack smashing detected\"";
            case 13 -> "it wrote to a client that had gone (ignore SIGPIPE, or use send with MSG_NOSIGNAL)";
            case 8 -> "an arithmetic error, such as a division by zero";
            case 4 -> "an illegal instruction, often a corrupted stack";
            case 9 -> "it was killed from outside (SIGKILL), perhaps by the system for using too much memory";
            default -> "";
        };
    }
}
