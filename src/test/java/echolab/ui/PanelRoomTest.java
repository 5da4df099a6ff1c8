package echolab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which side panels stay beside the diagram, by the size the content is laid out at. */
class PanelRoomTest {

    private static final double MENU = 30;

    @Test
    void aLargeWindowKeepsEveryPanel() {
        assertEquals(PanelRoom.ALL, PanelRoom.at(1600, 1000));
        assertEquals(PanelRoom.ALL, PanelRoom.at(1920, 1200 - MENU));
    }

    @Test
    void projectorsFoldTheClientListAndTheTimelineAndTheNarrowestTheControlsToo() {
        assertEquals(new PanelRoom(false, true, false), PanelRoom.at(1280, 720 - MENU));
        assertEquals(new PanelRoom(false, true, false), PanelRoom.at(1280, 800 - MENU));
        assertEquals(new PanelRoom(false, false, false), PanelRoom.at(1024, 768 - MENU));
    }

    @Test
    void thePresenterViewsScaleLeavesLessRoomAsASmallerWindowWould() {
        double scale = echolab.ui.fx.ZoomPane.PRESENTER;
        assertEquals(new PanelRoom(false, false, false), PanelRoom.at(1280 / scale, (720 - MENU) / scale));
        assertEquals(PanelRoom.ALL, PanelRoom.at(1920 / scale, (1080 - MENU) / scale), "a 1080p projector has room for all");
    }

    @Test
    void aLaptopOf1440By900KeepsTheTimelineAndTheControls() {
        assertEquals(new PanelRoom(false, true, true), PanelRoom.at(1440, 900 - 30 - MENU));
    }
}
