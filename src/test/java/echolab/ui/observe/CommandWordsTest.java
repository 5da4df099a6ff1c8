package echolab.ui.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandWordsTest {

    @Test
    void spacesSeparateWordsAndQuotesKeepThem() {
        assertEquals(List.of("./server"), CommandWords.split("  ./server  "));
        assertEquals(List.of("python3", "my server.py", "--port", "{port}"),
                CommandWords.split("python3 'my server.py' --port {port}"));
        assertEquals(List.of("a b", "c\"d", "e f"), CommandWords.split("\"a b\" \"c\\\"d\" e\\ f"));
        assertEquals(List.of(""), CommandWords.split("''"));
        assertTrue(CommandWords.split("   ").isEmpty());
    }

    @Test
    void anOpenQuoteIsSaidInASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandWords.split("./x 'oops"));
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void joinedWordsSplitBackIntoTheSameWords() {
        List<String> words = List.of("/tmp/my dir/server", "it's", "{port}", "a\\b");
        assertEquals(words, CommandWords.split(CommandWords.join(words)));
        assertEquals("./server", CommandWords.join(List.of("./server")));
    }
}
