package echolab.ui.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

import echolab.events.Event;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The event log: the most recent events, kept by reference in a bounded ring, and the rows the
 * log view shows, filtered by event type and client. FX thread only.
 */
public final class LogModel {

    /**
     * One logged event and the client it concerns. The name is read when shown, so a client that
     * told its name after the server saw it is named the same on every row.
     */
    public record Entry(Event event, ClientModel clientModel, String clientText) {
        /** The client's name now, or the text given when there is no client model; may be null. */
        public String client() {
            return clientModel != null ? clientModel.name() : clientText;
        }
    }

    /**
     * A logged event as a value: the client it concerns by {@link ClientModel#serial serial} (-1:
     * none, or one made elsewhere) and by the name it goes by now.
     */
    public record Row(Event event, long client, String name) {}

    /**
     * What the log has kept, as a value (the time machine's checkpoints). The rows shown and the
     * filters are left out: the rows follow a cadence and a restore shows the newest of the kept
     * ones at once; the filters are the user's choice, kept across a restore.
     */
    public record Snapshot(List<Row> kept) {
        public Snapshot {
            kept = List.copyOf(kept);
        }
    }

    private static final int KEPT = 20_000;
    private static final int SHOWN = 1_000;
    /** Rows added in one frame at most: nobody reads faster, and the list view stays cheap. */
    private static final int PER_FRAME = 120;

    private final ArrayDeque<Entry> ring = new ArrayDeque<>(KEPT);
    /** Entries ever added to the ring: the last one's number, to find an entry's row in the last snapshot. */
    private long added;
    /** The last snapshot's rows and the number of its first: a row still true is shared, not made again. */
    private List<Row> lastRows = List.of();
    private long lastFirst;
    private final List<Entry> pending = new ArrayList<>();
    private final ObservableList<Entry> shown = FXCollections.observableArrayList();
    private String typeFilter = "";
    private String clientFilter = "";
    private java.util.function.Predicate<Event> subject = e -> true;

    public void add(Event event, ClientModel client, String clientText) {
        Entry e = new Entry(event, client, clientText);
        if (ring.size() == KEPT) {
            ring.removeFirst();
        }
        ring.addLast(e);
        added++;
        if (passes(e)) {
            pending.add(e);
        }
    }

    /**
     * Moves what arrived this frame into the shown rows, newest last: at most {@value #PER_FRAME}
     * of them (the newest), and at most {@value #SHOWN} rows in all. Everything stays in the ring
     * for a later change of filter.
     */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Entry> add = pending.size() > PER_FRAME ? pending.subList(pending.size() - PER_FRAME, pending.size()) : pending;
        int overflow = shown.size() + add.size() - SHOWN;
        if (overflow > 0) {
            shown.remove(0, Math.min(overflow, shown.size()));
        }
        shown.addAll(add);
        pending.clear();
    }

    /**
     * Shows only events of {@code type} (a name from {@link LogFormat#typeName}, or empty for all)
     * whose client name contains {@code client} (empty for all).
     */
    public void filter(String type, String client) {
        typeFilter = type == null ? "" : type;
        clientFilter = client == null ? "" : client.trim();
        pending.clear();
        List<Entry> rows = new ArrayList<>();
        for (Entry e : ring) {
            if (passes(e)) {
                rows.add(e);
            }
        }
        shown.setAll(rows.size() > SHOWN ? rows.subList(rows.size() - SHOWN, rows.size()) : rows);
    }

    /**
     * Shows only the events {@code owned} accepts (the window's subject's), with the type and client
     * filters as they are; the ring keeps the others for a switch back.
     */
    public void showOnly(java.util.function.Predicate<Event> owned) {
        subject = owned;
        filter(typeFilter, clientFilter);
    }

    private boolean passes(Entry e) {
        if (!subject.test(e.event())) {
            return false;
        }
        if (!typeFilter.isEmpty() && !typeFilter.equals(LogFormat.typeName(e.event()))) {
            return false;
        }
        return clientFilter.isEmpty() || (e.client() != null && e.client().contains(clientFilter));
    }

    /** The events kept now, as a value later events do not change. */
    public Snapshot snapshot() {
        // checkpoints every few thousand events share most rows with the one before: only new rows
        // (and those whose client was renamed since) are made, so each costs little more than its list
        Row[] rows = new Row[ring.size()];
        long first = added - ring.size();
        int i = 0;
        for (Entry e : ring) {
            long before = first + i - lastFirst;
            Row was = before >= 0 && before < lastRows.size() ? lastRows.get((int) before) : null;
            String name = e.client();
            rows[i++] = was != null && was.event() == e.event() && Objects.equals(was.name(), name) ? was
                    : new Row(e.event(), e.clientModel() == null ? -1 : e.clientModel().serial(), name);
        }
        Snapshot s = new Snapshot(Arrays.asList(rows));
        lastRows = s.kept();
        lastFirst = first;
        return s;
    }

    /**
     * Keeps what {@code s} kept, and shows its newest rows that pass the filters in force. A row's
     * client is the one {@code clients} finds by serial, the same instance the client list shows, so
     * that a later rename names it on every row; a client it no longer finds cannot be renamed
     * any more, and its rows keep the name they had.
     */
    public void restore(Snapshot s, LongFunction<ClientModel> clients) {
        ring.clear();
        Map<Long, ClientModel> gone = new HashMap<>();
        for (Row r : s.kept()) {
            ClientModel c = null;
            if (r.client() >= 0) {
                c = clients.apply(r.client());
                if (c == null) {
                    c = gone.computeIfAbsent(r.client(), serial -> new ClientModel(serial, -1, r.name()));
                }
            }
            ring.addLast(new Entry(r.event(), c, c == null ? r.name() : null));
        }
        added = s.kept().size();
        lastRows = s.kept();
        lastFirst = 0;
        filter(typeFilter, clientFilter);
    }

    /** The rows to show, oldest first. */
    public ObservableList<Entry> shown() {
        return shown;
    }
}
