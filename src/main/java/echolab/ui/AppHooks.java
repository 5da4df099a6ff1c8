package echolab.ui;

import java.util.function.Consumer;

/**
 * What the window's menus ask of the application around it: to open a web link in the system's
 * browser (the user guide's links), and to start the lab again on another address (Server →
 * Open to the classroom network). A window opened without the application (tests, benchmarks)
 * gets {@link #NONE}: links go nowhere and the network item says why it is unavailable.
 *
 * @param openLink opens a URL
 * @param rebind   starts the lab again listening on the given address, or null when it cannot
 * @param replay   opens the window again playing the given recording (File → Open recording…), or
 *                 with its lab again when given null; null when it cannot
 */
public record AppHooks(Consumer<String> openLink, Consumer<String> rebind,
                       Consumer<echolab.ui.rewind.ReplayRequest> replay) {

    /** No application around the window. */
    public static final AppHooks NONE = new AppHooks(link -> { }, null, null);
}
