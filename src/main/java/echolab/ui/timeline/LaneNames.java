package echolab.ui.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import echolab.ui.model.ClientModel;
import echolab.ui.model.TimelineModel.Lane;

/**
 * The name to print on a lane. A lane keeps the label it was opened with, but a client can be
 * renamed after its lane opened: when the server's accept is folded before the client's own
 * "connect returned", the client first shows as {@code 127.0.0.1:53122 (external)} and only then as
 * {@code client-3}. So a client lane ({@code client:<port>}) is named after the client as it is now,
 * while the view model still lists it, and after its lane's label otherwise.
 *
 * <p>Threading: FX thread only.
 */
final class LaneNames {

    private static final String CLIENT_KEY = "client:";

    private final List<ClientModel> clients;
    private final Map<Integer, String> byPort = new HashMap<>();

    /** {@code clients}: the view model's client list (at most a few hundred rows). */
    LaneNames(List<ClientModel> clients) {
        this.clients = clients;
    }

    /** Reads the clients' names as they are now; once per paint. */
    void refresh() {
        byPort.clear();
        for (ClientModel c : clients) {
            byPort.put(c.port(), c.name());
        }
    }

    String of(Lane lane) {
        if (!lane.worker && lane.key.startsWith(CLIENT_KEY)) {
            try {
                String now = byPort.get(Integer.parseInt(lane.key.substring(CLIENT_KEY.length())));
                if (now != null) {
                    return now;
                }
            } catch (NumberFormatException e) {
                // a key of another shape: the lane's own label is all there is
            }
        }
        return lane.label;
    }
}
