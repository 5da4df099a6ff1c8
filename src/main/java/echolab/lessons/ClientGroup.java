package echolab.lessons;

import echolab.clients.Behaviour;

/**
 * Clients a run starts: {@code count} of one kind, {@code afterMillis} into the run and
 * {@code staggerMillis} apart.
 *
 * @param kind        steady (a line, its echo, a pause), burst (all lines at once), slow (waits, then a
 *                    byte at a time) or silent (connects and sends nothing for {@code holdMillis})
 * @param lines       lines each sends
 * @param thinkMillis steady: the pause after each echo
 * @param bytes       bytes per line, newline included
 * @param holdMillis  silent and slow: how long it sends nothing
 */
public record ClientGroup(int count, String kind, int lines, long thinkMillis, int bytes, long holdMillis,
                          long afterMillis, long staggerMillis) {

    public static final java.util.List<String> KINDS = java.util.List.of("steady", "burst", "slow", "silent");

    /** What each client of the group does. */
    public Behaviour behaviour() {
        return switch (kind) {
            case "steady" -> new Behaviour.Steady(lines, thinkMillis, bytes);
            case "burst" -> new Behaviour.Burst(lines, bytes);
            case "slow" -> new Behaviour.Slow(holdMillis, 20, lines, bytes);
            case "silent" -> new Behaviour.Silent(holdMillis);
            default -> throw new IllegalArgumentException("unknown kind of client: " + kind);
        };
    }
}
