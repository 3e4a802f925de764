package gpufaas.views.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class RecentListTest {

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void appendAndDropFirst_eachFireOneChange_andKeepTheOrder() {
        RecentList<Integer> l = new RecentList<>();
        List<String> changes = new ArrayList<>();
        l.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" + c.getFrom() + ".." + c.getTo() : "")
                        + (c.wasRemoved() ? "-" + c.getFrom() + "x" + c.getRemovedSize() : ""));
            }
        });
        l.append(range(0, 100));
        l.dropFirst(30);
        l.append(range(100, 250)); // grows or compacts past the dropped front
        l.dropFirst(0);
        assertThat(l).containsExactlyElementsOf(range(30, 250));
        assertThat(changes).containsExactly("+0..100", "-0x30", "+70..220");
    }

    @Test
    void manyTrims_keepTheLatestOnly() {
        RecentList<Integer> l = new RecentList<>();
        for (int i = 0; i < 1000; i++) {
            l.append(range(i * 10, i * 10 + 10));
            if (l.size() > 50) l.dropFirst(l.size() - 50);
        }
        assertThat(l).containsExactlyElementsOf(range(9950, 10000));
    }

    @Test
    void replaceAll_replacesEverything_andTheListIsReadOnlyOtherwise() {
        RecentList<Integer> l = new RecentList<>();
        l.append(range(0, 5));
        List<Integer> removed = new ArrayList<>();
        l.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) removed.addAll(c.getRemoved());
        });
        l.replaceAll(List.of(7, 8));
        assertThat(l).containsExactly(7, 8);
        assertThat(removed).containsExactly(0, 1, 2, 3, 4);
        l.replaceAll(List.of());
        assertThat(l).isEmpty();
        assertThatThrownBy(() -> l.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
