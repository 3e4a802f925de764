package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class JavaFxClassPathNoticeTest {
    @Test
    void silence_dropsOnlyTheClassPathNotice() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> seen = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        boolean parents = javafx.getUseParentHandlers();
        javafx.addHandler(h);
        javafx.setUseParentHandlers(false);
        try {
            JavaFxClassPathNotice.silence();
            javafx.log(
                    Level.WARNING, "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1234'");
            javafx.log(
                    Level.WARNING,
                    "Loading FXML document with JavaFX API of version 22 by JavaFX runtime of version 21");
            javafx.log(Level.SEVERE, (String) null);
        } finally {
            javafx.removeHandler(h);
            javafx.setUseParentHandlers(parents);
        }
        assertThat(seen)
                .containsExactly(
                        "Loading FXML document with JavaFX API of version 22 by JavaFX runtime of version 21", null);
    }
}
