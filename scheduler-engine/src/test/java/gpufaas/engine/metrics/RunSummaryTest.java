package gpufaas.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    /** summary.json's keys and their order: the file format, older than the groups. */
    @Test
    void standardNames_areSummaryJsonsKeysInItsOrder() {
        assertThat(RunSummary.standardNames())
                .containsExactly(
                        "policy",
                        "invocations",
                        "completed",
                        "rejected",
                        "dropped",
                        "failed",
                        "unfinished",
                        "mean_e2e_ms",
                        "p50_e2e_ms",
                        "p90_e2e_ms",
                        "p99_e2e_ms",
                        "p999_e2e_ms",
                        "max_e2e_ms",
                        "mean_queue_ms",
                        "mean_exec_ms",
                        "cold_starts",
                        "cold_pct",
                        "gpu_cold_starts",
                        "warm_starts",
                        "cpu_starts",
                        "gpu_utilization",
                        "gpu_exec_share",
                        "jain_fairness",
                        "fn_latency_variance",
                        "slo_attainment",
                        "evictions",
                        "swaps_out",
                        "prefetches",
                        "makespan_s",
                        "throughput_per_s",
                        "cost",
                        "admitted_slo_attainment",
                        "on_time",
                        "violations",
                        "violation_rate",
                        "rejection_rate",
                        "drop_rate",
                        "goodput_per_s",
                        "cost_per_on_time",
                        "wall_ms",
                        "events_per_s",
                        "events");
    }

    /**
     * Every value of every group (and each top-level value but the function rows) is one field, under
     * its own name in snake_case, and the field carries that value: a summary whose values are all
     * different is flattened and each field compared with the value it names. The one field that is
     * not a component, {@code events_per_s}, is events over wall time.
     */
    @Test
    void metrics_flattenEveryGroupValueOnceUnderItsOwnName() throws Exception {
        Map<String, Object> leaves = new LinkedHashMap<>();
        RunSummary s = (RunSummary) distinct(RunSummary.class, new int[] {1}, leaves);
        leaves.put("events_per_s", (double) s.events() * 1000 / s.wallMs());
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Metric m : s.metrics())
            assertThat(flat.put(m.name(), m.value()))
                    .as("duplicate %s", m.name())
                    .isNull();
        assertThat(flat).isEqualTo(leaves);
    }

    /** Builds {@code type} with a different value in every component; records its leaves by snake_case name. */
    private static Object distinct(Class<?> type, int[] next, Map<String, Object> leaves) throws Exception {
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            Class<?> t = rc[i].getType();
            types[i] = t;
            if (t.isRecord()) {
                args[i] = distinct(t, next, leaves);
            } else if (t == List.class) {
                args[i] = new ArrayList<>();
            } else {
                int v = next[0]++;
                args[i] = t == long.class ? (Object) (long) v : t == double.class ? (Object) (v + 0.5) : "text" + v;
                leaves.put(snake(rc[i].getName()), args[i]);
            }
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        return c.newInstance(args);
    }

    private static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) b.append('_').append(Character.toLowerCase(ch));
            else b.append(ch);
        }
        return b.toString();
    }
}
