package echolab.ui.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small protobuf reader of our own, written from the wire format (not from the writer's code), to
 * read a written trace back: the file must be {@code 0A len packet} records whose lengths add up to
 * the file's, and each packet is read into the fields the trace uses.
 */
final class ProtoTraceReader {

    /** A track descriptor: its kind is "process", "thread" or "counter". */
    record Descriptor(long uuid, String kind, long pid, long tid, String name, long parent) {}

    record TrackEvent(long type, long track, String name, List<Long> flowIds, List<Long> terminatingFlowIds,
                      Long counterValue) {}

    /** A packet; timestamp and sequence are null when absent. */
    record Packet(Long timestamp, Long sequence, Descriptor descriptor, TrackEvent event) {}

    /** One field as read: a varint or fixed64 value, or the bytes of a length-delimited one. */
    private record Field(int number, int wireType, long value, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private ProtoTraceReader() {
    }

    static List<Packet> read(byte[] file) {
        List<Packet> packets = new ArrayList<>();
        for (Field f : fields(file)) {
            if (f.number() != 1 || f.wireType() != 2) {
                throw new AssertionError("a trace holds only packets (field 1, length-delimited), found field "
                        + f.number() + " wire type " + f.wireType());
            }
            packets.add(packet(f.bytes()));
        }
        return packets;
    }

    private static Packet packet(byte[] bytes) {
        Long ts = null;
        Long seq = null;
        Descriptor d = null;
        TrackEvent e = null;
        for (Field f : fields(bytes)) {
            switch (f.number()) {
                case 8 -> ts = f.value();
                case 10 -> seq = f.value();
                case 11 -> e = trackEvent(f.bytes());
                case 60 -> d = descriptor(f.bytes());
                default -> { }
            }
        }
        return new Packet(ts, seq, d, e);
    }

    private static Descriptor descriptor(byte[] bytes) {
        long uuid = 0;
        long parent = 0;
        String kind = "other";
        String name = null;
        long pid = 0;
        long tid = 0;
        for (Field f : fields(bytes)) {
            switch (f.number()) {
                case 1 -> uuid = f.value();
                case 2 -> name = name == null ? f.text() : name;
                case 5 -> parent = f.value();
                case 3, 4 -> {
                    kind = f.number() == 3 ? "process" : "thread";
                    for (Field g : fields(f.bytes())) {
                        if (g.number() == 1) {
                            pid = g.value();
                        } else if (g.number() == 2 && kind.equals("thread")) {
                            tid = g.value();
                        } else if ((g.number() == 6 && kind.equals("process")) || (g.number() == 5 && kind.equals("thread"))) {
                            name = g.text();
                        }
                    }
                }
                case 8 -> kind = "counter";
                default -> { }
            }
        }
        return new Descriptor(uuid, kind, pid, tid, name, parent);
    }

    private static TrackEvent trackEvent(byte[] bytes) {
        long type = 0;
        long track = 0;
        String name = null;
        Long counter = null;
        List<Long> flows = new ArrayList<>();
        List<Long> terminating = new ArrayList<>();
        for (Field f : fields(bytes)) {
            switch (f.number()) {
                case 9 -> type = f.value();
                case 11 -> track = f.value();
                case 23 -> name = f.text();
                case 30 -> counter = f.value();
                case 47 -> flows.add(f.value());
                case 48 -> terminating.add(f.value());
                default -> { }
            }
        }
        return new TrackEvent(type, track, name, flows, terminating, counter);
    }

    private static List<Field> fields(byte[] b) {
        List<Field> out = new ArrayList<>();
        int[] at = {0};
        while (at[0] < b.length) {
            long key = varint(b, at);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case 0 -> out.add(new Field(number, wire, varint(b, at), null));
                case 1 -> {
                    need(b, at[0], 8);
                    long v = 0;
                    for (int i = 0; i < 8; i++) {
                        v |= (b[at[0] + i] & 0xFFL) << (8 * i);
                    }
                    at[0] += 8;
                    out.add(new Field(number, wire, v, null));
                }
                case 2 -> {
                    long len = varint(b, at);
                    need(b, at[0], len);
                    byte[] sub = java.util.Arrays.copyOfRange(b, at[0], at[0] + (int) len);
                    at[0] += (int) len;
                    out.add(new Field(number, wire, 0, sub));
                }
                default -> throw new AssertionError("wire type " + wire + " at byte " + at[0]);
            }
        }
        return out;
    }

    private static void need(byte[] b, int at, long len) {
        if (len < 0 || at + len > b.length) {
            throw new AssertionError("a length of " + len + " at byte " + at + " goes past the end (" + b.length + ")");
        }
    }

    private static long varint(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            need(b, at[0], 1);
            byte x = b[at[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new AssertionError("a varint longer than ten bytes at byte " + at[0]);
    }
}
