package echolab.observe;

import java.nio.charset.StandardCharsets;

/** The fields of a {@code stat} file the reader uses, parsed in place. */
final class ProcStat {
    String comm;
    char state;
    long ppid;
    long utime;
    long stime;
    int numThreads;
    long startTime;
    long rssPages;

    /** Parses the text just read; false if it is not a stat line. */
    boolean parse(ProcText t) {
        byte[] b = t.buf;
        int len = t.len;
        int open = -1;
        for (int i = 0; i < len; i++) {
            if (b[i] == '(') {
                open = i;
                break;
            }
        }
        // the name may itself hold spaces and ')': the real end is the last ')'
        int close = -1;
        for (int i = len - 1; i > open; i--) {
            if (b[i] == ')') {
                close = i;
                break;
            }
        }
        if (open < 0 || close < 0 || close + 2 >= len) {
            return false;
        }
        comm = new String(b, open + 1, close - open - 1, StandardCharsets.UTF_8);
        state = (char) b[close + 2];
        // fields are numbered from 1 (pid); the state is field 3
        int field = 3;
        int i = close + 3;
        while (i < len && field < 24) {
            while (i < len && b[i] == ' ') {
                i++;
            }
            field++;
            boolean negative = i < len && b[i] == '-';
            if (negative) {
                i++;
            }
            long v = 0;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i++] - '0');
            }
            while (i < len && b[i] != ' ' && b[i] != '\n') {
                i++;
            }
            v = negative ? -v : v;
            switch (field) {
                case 4 -> ppid = v;
                case 14 -> utime = v;
                case 15 -> stime = v;
                case 20 -> numThreads = (int) v;
                case 22 -> startTime = v;
                case 24 -> rssPages = v;
                default -> { }
            }
        }
        return field == 24;
    }
}
