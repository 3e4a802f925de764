package gpufaas.workload.io;

import java.nio.charset.StandardCharsets;

/** CSV field quoting (RFC 4180) and the snake_case names of record components. */
public final class Csv {
    private Csv() {}

    /** True when {@code s} must be quoted: it holds a comma, a double quote, CR or LF. */
    public static boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    /** {@code s} as one CSV field: unchanged, or in double quotes with inner quotes doubled. */
    public static String quote(String s) {
        if (!needsQuotes(s)) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The UTF-8 bytes of {@link #quote(String)}. */
    static byte[] field(String s) {
        return quote(s).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code meanE2eMs} → {@code mean_e2e_ms}, {@code p999E2eMs} → {@code p999_e2e_ms}. */
    public static String snake(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) b.append('_');
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
