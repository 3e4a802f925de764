package gpufaas.views.decisions;

import gpufaas.views.live.FxGlyphs;
import gpufaas.views.live.PixelRaster;
import gpufaas.views.live.RasterPane;
import gpufaas.views.live.RasterTheme;
import gpufaas.views.style.ViewStyle;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;

/**
 * The decision log as a table painted into one image ({@link DecisionTablePainter}): the decisions
 * matching the search, oldest first, one row each. A click or the keyboard (up, down, page up and
 * down, home, end; escape clears) selects a row, whose explanation the tab shows. While following
 * with nothing selected, it shows the newest decisions. Taking in new rows repaints the visible
 * ones (a copy of one image) instead of relaying and restyling a control's cells.
 */
public final class DecisionTableView extends RasterPane {
    private final DecisionsViewModel vm;
    private final DecisionTablePainter painter = new DecisionTablePainter();
    private volatile List<String> texts = List.of();
    private RasterTheme theme = RasterTheme.light(1);
    /** the shown decisions changed since the last paint */
    private boolean stale;
    /** a row was selected before the first layout: scroll it into view after it */
    private boolean revealLater;

    private long widthsGeneration = -1;

    public DecisionTableView(DecisionsViewModel vm, ViewStyle style) {
        super(style);
        this.vm = vm;
        getStyleClass().add("decision-table");
        setAccessibleRole(AccessibleRole.TEXT);
        setFocusTraversable(true);
        setOnMousePressed(e -> {
            requestFocus();
            if (e.getButton() != MouseButton.PRIMARY) return;
            int i = painter.rowAt(e.getY(), scrollY(), vm.visible.size(), theme);
            if (i >= 0) select(i);
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        focusedProperty().addListener((o, a, b) -> repaint());
        vm.selected.addListener((o, a, b) -> repaint());
        vm.follow.addListener((o, a, b) -> repaint());
        vm.visible.addListener((ListChangeListener<DecisionRecord>) c -> stale = true);
    }

    private void key(KeyEvent e) {
        int n = vm.visible.size();
        if (n == 0) return;
        int page = Math.max(1, (viewHeight() - painter.headerHeight()) / DecisionTablePainter.rowHeight(theme) - 1);
        int at = selectedIndex();
        switch (e.getCode()) {
            case UP, KP_UP -> select(at < 0 ? n - 1 : Math.max(0, at - 1));
            case DOWN, KP_DOWN -> select(at < 0 ? n - 1 : Math.min(n - 1, at + 1));
            case PAGE_UP -> select(Math.max(0, (at < 0 ? n - 1 : at) - page));
            case PAGE_DOWN -> select(Math.min(n - 1, (at < 0 ? n - 1 : at) + page));
            case HOME -> select(0);
            case END -> select(n - 1);
            case ESCAPE -> clearSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (revealLater && viewHeight() > 0) {
            revealLater = false;
            int i = selectedIndex();
            if (i >= 0) reveal(i);
        }
    }

    @Override
    protected void restyleFonts() {
        painter.fonts(FxGlyphs.atlas(style.font(13)), FxGlyphs.atlas(style.bold(13)));
    }

    @Override
    protected int minContentWidth(RasterTheme t) {
        if (widthsGeneration != vm.generation()) {
            widthsGeneration = vm.generation();
            painter.resetWidths();
        }
        return painter.minWidth(vm.functionNames(), vm.deviceNames(), t);
    }

    @Override
    protected int layout(int width, RasterTheme t) {
        theme = t;
        return painter.contentHeight(vm.visible.size(), t);
    }

    @Override
    protected boolean pinnedToEnd() {
        return vm.follow.get() && vm.selected.get() == null;
    }

    @Override
    protected void paint(PixelRaster r, int w, int h, int scrollY, RasterTheme t) {
        stale = false;
        int selectedIndex = indexOf(vm.selected.get());
        int selection = t.dark() ? 0xff1f6fa8 : 0xff0a6ebd;
        painter.emptyText(vm.emptyText());
        painter.flags(vm::flags);
        painter.paint(
                r,
                w,
                h,
                scrollY,
                vm.visible,
                vm.functionNames(),
                vm.deviceNames(),
                selectedIndex,
                isFocused(),
                selection,
                t);
        texts = List.copyOf(painter.texts());
        DecisionRecord s = vm.selected.get();
        setAccessibleText(String.format(
                "Decision log: %d decisions shown%s",
                vm.visible.size(), s == null ? "" : "; selected #" + s.seq() + ", " + DecisionExplainer.summary(s)));
    }

    /** Selects row {@code i} of the shown decisions and scrolls it into view (FX thread). */
    public void select(int i) {
        if (i < 0 || i >= vm.visible.size()) return;
        vm.selected.set(vm.visible.get(i));
        reveal(i);
    }

    /** Clears the selection: a following log goes back to the newest decisions. */
    public void clearSelection() {
        vm.selected.set(null);
    }

    /** The selected row's index among the shown decisions; -1 when none is selected or it is not shown. */
    public int selectedIndex() {
        return indexOf(vm.selected.get());
    }

    private void reveal(int i) {
        if (viewHeight() == 0) { // not laid out yet (a tab just shown): after the first layout
            revealLater = true;
            return;
        }
        int rowH = DecisionTablePainter.rowHeight(theme);
        int top = i * rowH;
        int room = viewHeight() - painter.headerHeight();
        int y = scrollY();
        if (top < y) scrollTo(top);
        else if (top + rowH > y + room) scrollTo(top + rowH - room);
    }

    /** The first row in view, to keep in view when rows are trimmed at the front; null when none. */
    DecisionRecord firstShown() {
        int i = scrollY() / DecisionTablePainter.rowHeight(theme);
        return i < vm.visible.size() ? vm.visible.get(i) : null;
    }

    /** Scrolls so that {@code r} is the first row in view again (after rows fell off the front). */
    void keepFirst(DecisionRecord r) {
        int i = indexOf(r);
        if (i >= 0) scrollTo((double) i * DecisionTablePainter.rowHeight(theme));
    }

    /** Where {@code r} is among the shown decisions (ordered by sequence number); -1 when absent. */
    private int indexOf(DecisionRecord r) {
        if (r == null) return -1;
        List<DecisionRecord> rows = vm.visible;
        int lo = 0;
        int hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long s = rows.get(mid).seq();
            if (s < r.seq()) lo = mid + 1;
            else if (s > r.seq()) hi = mid - 1;
            else return rows.get(mid) == r ? mid : -1;
        }
        return -1;
    }

    /** Whether the shown decisions changed since the last paint. */
    boolean stale() {
        return stale;
    }

    /** The shown decisions, oldest first (the view model's, read-only). */
    public List<DecisionRecord> items() {
        return vm.visible;
    }

    /** The texts the last paint wrote (header, then the visible rows' cells), in order. */
    public List<String> drawnTexts() {
        return texts;
    }

    /** The height of the header in pixels (after the first paint). */
    public int drawnHeaderHeight() {
        return painter.headerHeight();
    }

    /** The height of a row in pixels. */
    public int rowHeight() {
        return DecisionTablePainter.rowHeight(theme);
    }
}
