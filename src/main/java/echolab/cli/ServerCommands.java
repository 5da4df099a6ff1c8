package echolab.cli;

import java.io.IOException;
import java.util.Locale;

import echolab.base.Limits;
import echolab.engine.EchoServer;
import echolab.engine.Mode;
import echolab.sync.DeadlockFix;
import echolab.sync.Protection;
import echolab.sync.Scenario;

/**
 * The live commands {@code serve} reads on stdin, one per line: {@code mode NAME},
 * {@code protection NAME}, {@code delay MS}, {@code race-window US}, {@code pool-size N},
 * {@code blocking-loop on|off}, {@code scenario NAME}, {@code safe on|off}, {@code fix NAME},
 * {@code permits K}, {@code hold MS}, {@code handoff-window US}, {@code reset}, {@code stats},
 * {@code quit}.
 */
final class ServerCommands {

    /** What a command line asks for beyond changing a setting. */
    enum Outcome { APPLIED, STATS, QUIT }

    static final String COMMANDS = "mode NAME, protection NAME, delay MS, race-window US, pool-size N, "
            + "blocking-loop on|off, scenario NAME, safe on|off, fix NAME, permits K, hold MS, handoff-window US, "
            + "reset, stats, quit";
    static final String HELP = "commands: " + COMMANDS;

    private ServerCommands() {
    }

    /**
     * Applies one command to the server.
     *
     * @throws IllegalArgumentException with a one-line explanation when the command is wrong
     */
    static Outcome apply(EchoServer server, String line) throws IOException {
        String[] words = line.trim().split("\\s+");
        String verb = words[0].toLowerCase(Locale.ROOT);
        switch (verb) {
            case "quit", "exit" -> {
                return Outcome.QUIT;
            }
            case "stats" -> {
                return Outcome.STATS;
            }
            case "reset" -> {
                server.sync().reset();
                return Outcome.APPLIED;
            }
            default -> { }
        }
        if (words.length != 2) {
            throw new IllegalArgumentException("'" + line.trim() + "' is not a command; " + HELP);
        }
        String arg = words[1];
        switch (verb) {
            case "mode" -> server.switchMode(Mode.parse(arg));
            case "protection" -> server.setProtection(Protection.parse(arg));
            case "delay" -> server.setDelayMillis(number(verb, arg, Limits.DELAY_MILLIS));
            case "race-window" -> server.setRaceWindowMicros(number(verb, arg, Limits.RACE_WINDOW_MICROS));
            case "pool-size" -> server.setPoolSize((int) number(verb, arg, Limits.POOL_SIZE));
            case "blocking-loop" -> server.setBlockingLoop(onOff(arg));
            case "scenario" -> server.sync().setScenario(Scenario.parse(arg));
            case "safe" -> server.sync().setSafe(onOff(arg));
            case "fix" -> server.sync().setFix(DeadlockFix.parse(arg));
            case "permits" -> server.sync().setPermits((int) number(verb, arg, Limits.PERMITS));
            case "hold" -> server.sync().setHoldMillis(number(verb, arg, Limits.HOLD_MILLIS));
            case "handoff-window" -> server.sync().setHandoffWindowMicros(number(verb, arg, Limits.HANDOFF_WINDOW_MICROS));
            default -> throw new IllegalArgumentException("unknown command '" + verb + "'; " + HELP);
        }
        return Outcome.APPLIED;
    }

    private static long number(String verb, String text, Limits.Range range) {
        try {
            long n = Long.parseLong(text);
            if (range.contains(n)) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(verb + " needs a whole number " + range.min() + ".." + range.max() + " but got '" + text + "'");
    }

    private static boolean onOff(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("expected on or off but got '" + text + "'");
        };
    }
}
