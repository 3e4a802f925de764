package gpufaas.sweep.spark.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

class JvmModuleOptionsTest {

    @Test
    void forThisJdk_sparksOptionsLessThoseThisJdkWarnsAbout() {
        List<String> spark = List.of(JavaModuleOptions.defaultModuleOptionArray());
        List<String> ours = JvmModuleOptions.forThisJdk();
        assertThat(spark).containsAll(ours).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
        assertThat(ours)
                .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED")
                .doesNotContain("--add-modules=jdk.incubator.vector");
    }

    @Test
    void packageExists_presentMissingAndOtherOptions() {
        assertThat(JvmModuleOptions.packageExists("--add-opens=java.base/java.util=ALL-UNNAMED"))
                .isTrue();
        assertThat(JvmModuleOptions.packageExists("--add-opens=java.base/no.such.pkg=ALL-UNNAMED"))
                .isFalse();
        assertThat(JvmModuleOptions.packageExists("--add-opens=no.such.module/x=ALL-UNNAMED"))
                .isFalse();
        assertThat(JvmModuleOptions.packageExists("-Dio.netty.tryReflectionSetAccessible=true"))
                .isTrue();
    }
}
