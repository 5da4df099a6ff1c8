package echolab.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-written wire format, byte for byte, against Perfetto's worked examples (a thread's
 * descriptor and a slice's begin, decoded by protoc as intended; see docs/trace-export.md).
 */
@Timeout(10)
class ProtoBufferTest {

    private static String hex(ProtoBuffer b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeTo(out);
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(out.toByteArray());
    }

    @Test
    void varintsAreSevenBitsAByteLeastSignificantFirstAndANegativeTakesTenBytes() throws Exception {
        ProtoBuffer b = new ProtoBuffer();
        b.varint(1000);
        assertEquals("E8 07", hex(b));
        b.reset();
        b.varint(-1);
        assertEquals("FF FF FF FF FF FF FF FF FF 01", hex(b));
        b.reset();
        b.fixed64(47, 7);
        assertEquals("F9 02 07 00 00 00 00 00 00 00", hex(b), "a flow id: fixed64, little-endian");
    }

    @Test
    void aThreadDescriptorPacketIsTheWorkedExampleByteForByte() throws Exception {
        ProtoBuffer thread = new ProtoBuffer();
        thread.uint(1, 1234);
        thread.uint(2, 1235);
        thread.bytes(5, "acceptor".getBytes(StandardCharsets.UTF_8));
        ProtoBuffer descriptor = new ProtoBuffer();
        descriptor.uint(1, 2);
        descriptor.message(4, thread);
        ProtoBuffer packet = new ProtoBuffer();
        packet.uint(8, 1000);
        packet.uint(10, 1);
        packet.message(60, descriptor);
        ProtoBuffer trace = new ProtoBuffer();
        trace.message(1, packet);
        assertEquals("0A 1C 40 E8 07 50 01 E2 03 14 08 02 22 10 08 D2 09 10 D3 09 2A 08 61 63 63 65 70 74 6F 72",
                hex(trace));
    }

    @Test
    void aSliceBeginPacketIsTheWorkedExampleByteForByte() throws Exception {
        ProtoBuffer event = new ProtoBuffer();
        event.uint(9, 1);
        event.uint(11, 2);
        event.bytes(23, "accept".getBytes(StandardCharsets.UTF_8));
        ProtoBuffer packet = new ProtoBuffer();
        packet.uint(8, 2000);
        packet.uint(10, 1);
        packet.message(11, event);
        ProtoBuffer trace = new ProtoBuffer();
        trace.message(1, packet);
        assertEquals("0A 14 40 D0 0F 50 01 5A 0D 48 01 58 02 BA 01 06 61 63 63 65 70 74", hex(trace));
    }

    @Test
    void aRunWithoutEventsIsAnEmptyTraceInBothFormats() throws Exception {
        ByteArrayOutputStream proto = new ByteArrayOutputStream();
        PerfettoTrace.write("nothing", TraceSettings.defaults(), List.of(), proto);
        assertEquals(0, proto.size(), "a trace of no packets");
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        ChromeTrace.write("nothing", TraceSettings.defaults(), List.of(), json);
        assertEquals("[]", json.toString(StandardCharsets.UTF_8));
    }
}
