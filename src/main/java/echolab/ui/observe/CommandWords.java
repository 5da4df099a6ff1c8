package echolab.ui.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command typed in one field into its words as a shell would, for the simple cases a
 * student types: spaces separate words, {@code '...'} and {@code "..."} keep spaces, a backslash
 * keeps the next character. No variables, globs or pipes: the program is started directly.
 */
final class CommandWords {

    private CommandWords() {
    }

    /** The words of {@code line}; {@link IllegalArgumentException} with a sentence on an open quote. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("the command has a " + (quote == '"' ? "\"" : "'")
                    + " that is never closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code word} as one word of a command line: quoted if it holds spaces or quotes. */
    static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\')) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** {@code words} as one line that {@link #split} turns back into them. */
    static String join(List<String> words) {
        return String.join(" ", words.stream().map(CommandWords::quote).toList());
    }
}
