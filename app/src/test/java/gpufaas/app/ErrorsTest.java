package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.BadInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    @Test
    void anInternalErrorIsOneLineWithStatusOneAndTheTraceOnlyOnRequest() {
        StringWriter quiet = new StringWriter();
        assertThat(Errors.report(
                        new IllegalStateException("engine stalled\nat 5 us"), new PrintWriter(quiet, true), false))
                .isEqualTo(1);
        assertThat(quiet.toString())
                .isEqualTo("internal error: engine stalled at 5 us (run with --debug for the stack trace)\n");
        StringWriter debug = new StringWriter();
        assertThat(Errors.report(new NullPointerException(), new PrintWriter(debug, true), true))
                .isEqualTo(1);
        assertThat(debug.toString())
                .startsWith("internal error: java.lang.NullPointerException\n")
                .contains("\tat gpufaas.app.ErrorsTest");
    }

    @Test
    void badInputFromAPoolThreadIsUnwrapped() {
        StringWriter err = new StringWriter();
        Throwable wrapped =
                new ExecutionException(new BadInputException("t.csv", 3, "invoke_time_ms", "'x' is not a number"));
        assertThat(Errors.report(wrapped, new PrintWriter(err, true), true)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: t.csv, line 3, field 'invoke_time_ms': 'x' is not a number\n");
    }
}
