package gpufaas.app;

import java.util.ArrayList;
import java.util.List;

/** Plain-text layout for listings: word wrapping with an indent. */
final class Text {
    static final int WIDTH = 100;

    private Text() {}

    /** {@code text} wrapped to {@link #WIDTH} columns, every line starting with {@code indent}. */
    static List<String> wrap(String text, String indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        if (line.length() > indent.length()) lines.add(line.toString());
        return lines;
    }
}
