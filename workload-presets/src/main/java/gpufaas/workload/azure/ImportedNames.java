package gpufaas.workload.azure;

import java.util.Set;

/** Unique, readable names for imported functions: benchmark name plus a short trace hash. */
final class ImportedNames {
    private ImportedNames() {}

    static String unique(String benchmark, String hash, Set<String> used) {
        String h = hash.replaceAll("[^A-Za-z0-9]", "");
        String base = benchmark + "-" + (h.length() > 8 ? h.substring(0, 8) : h);
        String name = base;
        for (int i = 2; !used.add(name); i++) name = base + "-" + i;
        return name;
    }
}
