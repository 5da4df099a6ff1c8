package echolab.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessCpuTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxItReadsThePreciseClock() {
        assertTrue(ProcessCpu.precise());
    }

    /** A thread that burns CPU and then ends: its CPU still counts, to well under one 10 ms tick. */
    @Test
    void countsTheCpuOfAThreadThatHasEnded() throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] burnt = new long[1];
        long before = ProcessCpu.nanos();
        Thread t = new Thread(() -> {
            long start = mx.getCurrentThreadCpuTime();
            long x = 0;
            while (mx.getCurrentThreadCpuTime() - start < 3_000_000) { // 3 ms of CPU
                x += System.nanoTime() & 1;
            }
            burnt[0] = mx.getCurrentThreadCpuTime() - start + (x & 0);
        }, "burner");
        t.start();
        t.join();
        long used = ProcessCpu.nanos() - before;
        assertTrue(used >= burnt[0], "the process used " + used + " ns, the ended thread alone " + burnt[0]);
        if (ProcessCpu.precise()) {
            assertTrue(used < burnt[0] + 50_000_000L, "and not a tick-sized guess: " + used);
        }
    }
}
