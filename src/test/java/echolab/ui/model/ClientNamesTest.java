package echolab.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A student's client is named by its machine's address; this machine's own keep their names. */
class ClientNamesTest {

    private final ClientNames names = new ClientNames();

    @Test
    void aClientFromAnotherMachineIsNamedByItsAddressAndItsSecondOneByANumber() {
        assertEquals("192.168.1.23", names.accepted(1, "192.168.1.23:50001"));
        assertEquals("192.168.1.23 #2", names.accepted(2, "192.168.1.23:50002"));
        assertEquals("192.168.1.24", names.accepted(3, "192.168.1.24:50003"), "another student's machine");
        assertEquals("192.168.1.23 #3", names.accepted(4, "192.168.1.23:50004"));
    }

    @Test
    void aClosedConnectionGivesItsNumberBackAndTheNextTakesTheLowestFree() {
        assertEquals("10.0.0.7", names.accepted(1, "10.0.0.7:50001"));
        assertEquals("10.0.0.7 #2", names.accepted(2, "10.0.0.7:50002"));
        assertEquals("10.0.0.7 #3", names.accepted(3, "10.0.0.7:50003"));
        names.closed(1);
        names.closed(3);
        assertEquals("10.0.0.7", names.accepted(4, "10.0.0.7:50004"), "the student reconnected: the bare address again");
        assertEquals("10.0.0.7 #3", names.accepted(5, "10.0.0.7:50005"));
        names.closed(99); // never accepted: nothing to give back
        names.closed(4);
        names.closed(4); // twice: once is enough
        assertEquals("10.0.0.7", names.accepted(6, "10.0.0.7:50006"));
        assertEquals("10.0.0.7 #4", names.accepted(7, "10.0.0.7:50007"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:53122                   | 127.0.0.1:53122 (external)",
        "127.8.9.10:53122                  | 127.8.9.10:53122 (external)",
        "0:0:0:0:0:0:0:1:53122             | 0:0:0:0:0:0:0:1:53122 (external)",
        "0:0:0:0:0:0:0:1%lo:53122          | 0:0:0:0:0:0:0:1%lo:53122 (external)",
    })
    void aClientFromThisMachinesLoopbackKeepsTodaysName(String remote, String name) {
        assertEquals(name, names.accepted(1, remote));
        assertEquals(name, names.accepted(2, remote), "never numbered: the lab's own clients are renamed by their own events");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fd00:0:0:0:0:0:0:2:50001                       | fd00::2",
        "fe80:0:0:0:fc:ff:fe00:1%eth0:50001             | fe80::fc:ff:fe00:1",
        "2001:db8:0:1:0:0:0:1:50001                     | 2001:db8:0:1::1",
        "2001:db8:85a3:8d3:1319:8a2e:370:7348:50001     | …1319:8a2e:370:7348",
        "2001:db8:85a3:0:0:8a2e:370:7348:50001          | …85a3::8a2e:370:7348",
        "0:0:0:0:0:ffff:c000:201:50001                  | 192.0.2.1",
    })
    void anIpv6AddressIsWrittenShortAndAtMostTwentyCharacters(String remote, String name) {
        assertEquals(name, names.accepted(1, remote));
        assertTrue(name.length() <= ClientNames.MAX_ADDRESS, name);
    }

    @Test
    void everyNameFitsAChip() {
        assertEquals("255.255.255.255 #12", nameOfTwelfth("255.255.255.255"));
        assertEquals("…ffff:ffff:ffff:ffff #12", nameOfTwelfth("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertTrue(nameOfTwelfth("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").length()
                <= "127.0.0.1:53122 (external)".length(), "no wider than the name a loopback nc had all along");
    }

    /** The name of the twelfth connection one machine has open at once. */
    private static String nameOfTwelfth(String host) {
        ClientNames fresh = new ClientNames();
        String name = null;
        for (int i = 1; i <= 12; i++) {
            name = fresh.accepted(i, host + ":" + (50_000 + i));
        }
        return name;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "some.host.example:50001",
        "999.1.1.1:50001",
        "50001",
        "''",
    })
    void whatIsNotAnAddressAndAPortIsNeitherLookedUpNorNumbered(String remote) {
        assertNull(ClientNames.otherMachine(remote));
        assertEquals(remote + " (external)", names.accepted(1, remote));
    }

    @Test
    void anAddressIsCompressedAsPeopleWriteIt() {
        assertEquals("::", ClientNames.compressed(new byte[16]));
        byte[] one = new byte[16];
        one[15] = 1;
        assertEquals("::1", ClientNames.compressed(one));
        byte[] loneZero = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        assertEquals("2001:db8:0:1:1:1:1:1", ClientNames.compressed(loneZero), "one zero group is not ::");
        byte[] twoRuns = {0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
        assertEquals("2001:0:0:1::1", ClientNames.compressed(twoRuns), "the longer run of zeros is the ::");
        byte[] trailing = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("2001:db8:1:2::", ClientNames.compressed(trailing));
    }
}
