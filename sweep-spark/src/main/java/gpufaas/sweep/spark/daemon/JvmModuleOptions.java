package gpufaas.sweep.spark.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * The JVM options Spark's processes need: {@link JavaModuleOptions#defaultModuleOptionArray()}, the
 * set Spark's own scripts add ({@code --add-opens} of JDK packages, native and {@code Unsafe}
 * access, Netty settings), less what only makes the running JDK print a warning at every start: an
 * {@code --add-opens} of a package it does not have ({@code sun.security.action} is gone from JDK 25)
 * and the incubating vector module (no class of Spark's core uses it). {@link #main} prints them one
 * per line for the launcher, which starts the JVM of {@code sweep --cluster} (Spark's driver) with them.
 */
public final class JvmModuleOptions {
    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";

    private JvmModuleOptions() {}

    /** The options for a JVM of the running JDK's release. */
    public static List<String> forThisJdk() {
        List<String> out = new ArrayList<>();
        for (String o : JavaModuleOptions.defaultModuleOptionArray()) {
            if (o.equals(VECTOR_MODULE) || !packageExists(o)) continue;
            out.add(o);
        }
        return out;
    }

    /** False for {@code --add-opens=MODULE/PACKAGE=...} when this JDK's MODULE lacks PACKAGE; true for other options. */
    static boolean packageExists(String option) {
        String prefix = "--add-opens=";
        if (!option.startsWith(prefix)) return true;
        String target = option.substring(prefix.length(), option.indexOf('=', prefix.length()));
        int slash = target.indexOf('/');
        if (slash < 0) return true;
        Optional<Module> m = ModuleLayer.boot().findModule(target.substring(0, slash));
        return m.isPresent() && m.get().getPackages().contains(target.substring(slash + 1));
    }

    /** Prints the options, one per line. */
    public static void main(String[] args) {
        for (String o : forThisJdk()) System.out.println(o);
    }
}
