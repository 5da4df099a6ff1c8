package echolab.observe.check.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import echolab.observe.check.report.ClassTable.Result;
import echolab.observe.check.report.ClassTable.Row;

/** The class table: a column per check of any row, Markdown and CSV that keep their cells apart, the counts. */
@Timeout(10)
class ClassTableTest {

    private static ClassTable table() {
        ClassTable t = new ClassTable();
        t.add(Row.checked("alice", Reports.allPassed(), 3.04));
        t.add(Row.checked("bob", Reports.mixed(), 4.56));
        t.add(Row.notChecked("carol, \"c\"", "did not start: no such program: ./a|b", 0.02, Result.DID_NOT_START));
        return t;
    }

    @Test
    void markdownHasAColumnPerCheckOfAnyRowAndEscapesBars() {
        assertEquals("""
                | submission | model | echo | burst | reaping | threads | model check | seconds | note |
                |---|---|---|---|---|---|---|---|---|
                | alice | not recognised | pass | pass |  |  |  | 3.0 |  |
                | bob | process per client | pass |  | fail | skip | pass | 4.6 | failed: reaping |
                | carol, "c" |  |  |  |  |  |  | 0.0 | did not start: no such program: ./a\\|b |
                """, table().toMarkdown());
    }

    @Test
    void csvQuotesCommasAndQuotes() {
        List<String> lines = table().toCsv().lines().toList();
        assertEquals("submission,model,echo,burst,reaping,threads,model check,seconds,note", lines.get(0));
        assertEquals("bob,process per client,pass,,fail,skip,pass,4.6,failed: reaping", lines.get(2));
        assertEquals("\"carol, \"\"c\"\"\",,,,,,,0.0,did not start: no such program: ./a|b", lines.get(3));
    }

    @Test
    void theClosingLineCountsPassedFailedAndNotStarted() {
        assertEquals("3 submissions in 4 min 12 s: 1 passed every check, 1 failed one or more, 1 did not start",
                table().summary(252.3));
        assertEquals("42 s", ClassTable.duration(41.6));
        assertEquals("1 h 3 min", ClassTable.duration(3790));
    }
}
