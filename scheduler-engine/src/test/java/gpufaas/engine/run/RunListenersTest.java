package gpufaas.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link RunListeners} tells the run's metrics and time series only of arrivals and ends: a
 * listener method either of them implements beyond those would never be called.
 */
class RunListenersTest {

    private static Set<String> listenerMethodsOf(Class<?> c) {
        Set<String> names = new TreeSet<>();
        for (Method m : EngineListener.class.getMethods()) {
            if (m.isDefault() || Modifier.isAbstract(m.getModifiers())) names.add(m.getName());
        }
        Set<String> out = new TreeSet<>();
        Arrays.stream(c.getDeclaredMethods())
                .filter(m -> names.contains(m.getName()) && !m.isSynthetic())
                .forEach(m -> out.add(m.getName()));
        return out;
    }

    @Test
    void metricsAndTimeSeries_listenToArrivalsAndEndsOnly() {
        assertThat(listenerMethodsOf(RunMetrics.class)).containsExactly("arrived", "finished");
        assertThat(listenerMethodsOf(TimeSeries.class)).containsExactly("arrived", "finished");
    }

    @Test
    void runListeners_passEveryListenerMethodOn() {
        Set<String> all = new TreeSet<>();
        for (Method m : EngineListener.class.getMethods()) if (m.isDefault()) all.add(m.getName());
        assertThat(listenerMethodsOf(RunListeners.class)).containsExactlyElementsOf(all);
    }
}
