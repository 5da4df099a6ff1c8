package echolab.ui.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The last {@value #KEPT} commands started in the tab, newest first, kept in the user's preferences
 * so that they are there the next time the window opens. Where preferences cannot be written it
 * remembers for this window only.
 *
 * <p>Threading: FX thread (preferences are written through a cache, which is quick).
 */
public final class CommandHistory {

    static final int KEPT = 10;
    static final String KEY = "commands";
    /** The preferences node, under the user's root; a system property so tests keep to a node of their own. */
    public static final String NODE_PROPERTY = "echolab.yourServer.prefs";
    static final String DEFAULT_NODE = "echolab/your-server";

    private final Preferences node;
    private final List<String> commands = new ArrayList<>();

    /** A history in {@code node}, or in memory only when {@code node} is null. */
    CommandHistory(Preferences node) {
        this.node = node;
        if (node != null) {
            try {
                for (String c : node.get(KEY, "").split("\n")) {
                    if (!c.isBlank() && commands.size() < KEPT) {
                        commands.add(c);
                    }
                }
            } catch (IllegalStateException | SecurityException e) {
                // unreadable: start empty
            }
        }
    }

    /** The user's history (node {@value #DEFAULT_NODE}, or the one {@value #NODE_PROPERTY} names). */
    public static CommandHistory standard() {
        try {
            return new CommandHistory(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE)));
        } catch (IllegalArgumentException | IllegalStateException | SecurityException e) {
            return new CommandHistory(null);
        }
    }

    /** Forgets the user's history (open --forget, File → Forget). */
    public static void forgetStandard() {
        try {
            Preferences node = Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, DEFAULT_NODE));
            node.remove(KEY);
            node.flush();
        } catch (BackingStoreException | IllegalArgumentException | IllegalStateException | SecurityException e) {
            // nothing we may touch
        }
    }

    /** A history kept in memory only. */
    public static CommandHistory inMemory() {
        return new CommandHistory(null);
    }

    /** The commands, newest first. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Puts {@code command} first (once), keeps the newest {@value #KEPT}, and saves them. */
    public void remember(String command) {
        String c = command.strip();
        if (c.isEmpty() || c.contains("\n")) {
            return;
        }
        commands.remove(c);
        commands.add(0, c);
        while (commands.size() > KEPT) {
            commands.remove(commands.size() - 1);
        }
        save();
    }

    private void save() {
        if (node == null) {
            return;
        }
        String joined = String.join("\n", commands);
        while (joined.length() > Preferences.MAX_VALUE_LENGTH && commands.size() > 1) {
            commands.remove(commands.size() - 1);
            joined = String.join("\n", commands);
        }
        try {
            node.put(KEY, joined.length() > Preferences.MAX_VALUE_LENGTH ? "" : joined);
            node.flush();
        } catch (BackingStoreException | IllegalStateException | SecurityException e) {
            // not written: remembered for this window all the same
        }
    }
}
