package echolab.ui.diagram;

import echolab.ui.fx.Nodes;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A process's memory as the lab draws it: code, data (with the counter) and heap. The server's
 * segments sit side by side under a line saying its threads share them; a child's are stacked in
 * its narrow box. The stacks are drawn in the thread lanes, one per thread.
 *
 * <p>Threading: FX thread only.
 */
final class MemoryStrip extends VBox {

    private final VBox code;
    private final VBox heap;
    private final VBox heapSlot = new VBox();

    /** @param observed a student's program rather than EchoLab's JVM */
    MemoryStrip(DataRegion data, boolean server, boolean observed) {
        getStyleClass().addAll("memory", server ? "memory-server" : "memory-child");
        code = segment("CODE", observed ? "your program" : server ? "echo loop\nJVM classes" : "echo program",
                "segment-code");
        heap = segment("HEAP", observed ? (server ? "malloc'd" : "its own copy") : server
                ? "objects\nbuffers" : "its own objects", "segment-heap");
        heapSlot.getStyleClass().add("heap-slot");
        heap.getChildren().add(heapSlot);
        Nodes.show(heapSlot, false);
        if (server) {
            HBox row = new HBox(code, data, heap);
            row.getStyleClass().add("segments");
            HBox.setHgrow(data, Priority.ALWAYS);
            Label title = Nodes.label(observed ? "MEMORY · one address space, shared by its threads"
                    : "MEMORY · one address space, shared by every thread of this process", "section-title");
            title.setWrapText(true);
            getChildren().addAll(title, row);
        } else {
            getChildren().addAll(code, data, heap);
        }
    }

    private static VBox segment(String name, String text, String styleClass) {
        Label what = Nodes.label(text, "segment-text");
        what.setWrapText(true);
        VBox segment = new VBox(Nodes.label(name, "segment-name"), what);
        segment.getStyleClass().addAll("segment", styleClass);
        segment.setAlignment(Pos.TOP_LEFT);
        return segment;
    }

    /** A place on the heap for things that live there, such as parked virtual threads. */
    Pane heapSlot() {
        return heapSlot;
    }

    /** A small child box keeps only its data segment: its own counter is what it is there to show. */
    void dataOnly(boolean on) {
        Nodes.show(code, !on);
        Nodes.show(heap, !on);
    }

    /** Lets the heap take the spare width (when it holds parked virtual threads) or not. */
    void heapGrows(boolean grows) {
        HBox.setHgrow(heap, grows ? Priority.ALWAYS : Priority.NEVER);
        Nodes.show(heapSlot, grows);
        Nodes.toggle(heap, "wide", grows);
    }
}
