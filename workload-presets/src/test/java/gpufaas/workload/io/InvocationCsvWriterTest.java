package gpufaas.workload.io;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.StartType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvocationCsvWriterTest {
    private static final FunctionSpec F = FunctionSpec.gpu(0, "f", 10, 100, 1000);
    private static final FunctionSpec Q = FunctionSpec.gpu(1, "a,\"b\"", 10, 100, 1000);

    private static Invocation completed(
            long id,
            FunctionSpec f,
            long arr,
            long disp,
            long start,
            long end,
            StartType type,
            boolean cold,
            int device) {
        Invocation inv = new Invocation(id, f, arr);
        inv.dispatchUs = disp;
        inv.startUs = start;
        inv.endUs = end;
        inv.startType = type;
        inv.coldStart = cold;
        inv.device = device;
        inv.outcome = Outcome.COMPLETED;
        return inv;
    }

    private static String write(Invocation... invs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InvocationCsvWriter w = new InvocationCsvWriter(bytes, List.of("a30-0", "cpu"), List.of(F, Q))) {
            for (Invocation i : invs) w.finished(i);
            assertThat(w.rows()).isEqualTo(invs.length);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void headerHasTheContractColumnsThenReason() {
        assertThat(write())
                .isEqualTo(
                        "tid,function_name,arrival_ms,dispatch_ms,start_ms,end_ms,queue_ms,exec_ms,e2e_ms,"
                                + "start_type,was_cold,device,outcome,success,worker_duration_us,code_duration_sec,e2e_duration_us,reason\n");
    }

    @Test
    void completedRowsPrintExactMillisecondsAndIluvatarColumns() {
        String csv = write(
                completed(0, F, 1_500, 2_000, 3_000, 13_000_250, StartType.WARM, false, 0),
                completed(7, F, 0, 0, 1_700_001, 1_800_001, StartType.COLD, true, 0),
                completed(8, F, 5, 6, 7, 1_000_007, StartType.CPU, true, 1));
        assertThat(csv.lines().skip(1))
                .containsExactly(
                        "0,f,1.500,2.000,3.000,13000.250,0.500,12997.250,12998.750,warm,false,a30-0,completed,true,12998250,12.997250,12998750,",
                        "7,f,0.000,0.000,1700.001,1800.001,0.000,100.000,1800.001,cold,true,a30-0,completed,true,1800001,0.100000,1800001,",
                        "8,f,0.005,0.006,0.007,1000.007,0.001,1000.000,1000.002,cpu,true,cpu,completed,true,1000001,1.000000,1000002,");
    }

    @Test
    void rejectedRowsLeaveDispatchAndExecutionFieldsEmptyAndQuoteNamesAndReasons() {
        Invocation rej = new Invocation(1, Q, 2_000_000);
        rej.endUs = 2_000_000;
        rej.outcome = Outcome.REJECTED;
        rej.reason = "queue full, \"10\" waiting";
        assertThat(write(rej).lines().skip(1))
                .containsExactly(
                        "1,\"a,\"\"b\"\"\",2000.000,,,2000.000,,,0.000,,,,rejected,false,,,0,\"queue full, \"\"10\"\" waiting\"");
    }

    @Test
    void failedAfterDispatchButBeforeStartHasNoExecutionTimes() {
        Invocation inv = new Invocation(3, F, 10);
        inv.dispatchUs = 20;
        inv.endUs = 30_000;
        inv.startType = StartType.GPU_COLD;
        inv.device = 0;
        inv.outcome = Outcome.FAILED;
        inv.reason = "mps client crashed";
        assertThat(write(inv).lines().skip(1))
                .containsExactly(
                        "3,f,0.010,0.020,,30.000,0.010,,29.990,gpu_cold,false,a30-0,failed,false,29980,,29990,mps client crashed");
    }

    @Test
    void newlinesInNamesAreQuotedAndUnknownFunctionsAreEncodedLazily() {
        FunctionSpec odd = FunctionSpec.gpu(5, "line\nbreak", 1, 1, 1);
        String csv = write(completed(2, odd, 0, 0, 0, 1000, StartType.WARM, false, 0));
        assertThat(csv)
                .endsWith(
                        "2,\"line\nbreak\",0.000,0.000,0.000,1.000,0.000,1.000,1.000,warm,false,a30-0,completed,true,1000,0.001000,1000,\n");
    }

    @Test
    void largeFilesStreamThroughTheBuffer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invocations.csv");
        int n = 200_000;
        try (InvocationCsvWriter w = InvocationCsvWriter.create(file, List.of("a30-0"), List.of(F))) {
            for (int i = 0; i < n; i++) {
                w.finished(completed(
                        i, F, i * 1000L, i * 1000L + 1, i * 1000L + 2, i * 1000L + 12_345, StartType.WARM, false, 0));
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(n + 1);
        assertThat(lines.get(n))
                .isEqualTo("199999,f,199999.000,199999.001,199999.002,200011.345,0.001,12.343,"
                        + "12.345,warm,false,a30-0,completed,true,12344,0.012343,12345,");
    }
}
