package org.luvhive.drill.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words as a POSIX shell does for plain words and quotes
 * ({@code '...'}, {@code "..."}, backslash), without expanding anything; a {@code #} that
 * starts a word starts a comment. Enough for the runbook's luvhive lines. Stateless.
 */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int index = 0; index < line.length(); index++) {
            char c = line.charAt(index);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, index + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed " + c + " in: " + line);
                }
                word.append(line, index + 1, end);
                index = end;
                inWord = true;
            } else if (c == '\\' && index + 1 < line.length()) {
                word.append(line.charAt(++index));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
