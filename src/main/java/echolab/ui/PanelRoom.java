package echolab.ui;

/**
 * Which side panels the window has room for, so that the diagram stays the largest thing on
 * screen: on a 1280×720 or 1024×768 projector, or in the presenter view, the client list, the
 * controls and the timeline with the log fold away to strips at the window's edges, and the
 * diagram takes their place. The sizes are those the content is laid out at: the window's divided
 * by the zoom (a zoomed window has less room, as a smaller one does).
 *
 * <p>The processes diagram with three children needs about 940 by 470; the controls 330 across;
 * the client list 300; the timeline and log 310 down. Each panel stays while the diagram keeps
 * that room beside it.
 *
 * @param clients        the client list, on the left
 * @param controls       the controls and figures, on the right
 * @param timelineAndLog the timeline and the event log, at the bottom
 */
public record PanelRoom(boolean clients, boolean controls, boolean timelineAndLog) {

    /** Widths from which the controls, then the client list too, stay beside the diagram. */
    static final double CONTROLS_FROM_WIDTH = 1260;
    static final double CLIENTS_FROM_WIDTH = 1560;
    /** Height of the content (below the menus) from which the timeline and log stay under it. */
    static final double TIMELINE_FROM_HEIGHT = 820;

    /** Room for every panel: the window as it opens on a large screen. */
    public static final PanelRoom ALL = new PanelRoom(true, true, true);

    /** What fits in content {@code width} by {@code height}, in the content's own (zoomed) units. */
    public static PanelRoom at(double width, double height) {
        return new PanelRoom(width >= CLIENTS_FROM_WIDTH, width >= CONTROLS_FROM_WIDTH, height >= TIMELINE_FROM_HEIGHT);
    }
}
