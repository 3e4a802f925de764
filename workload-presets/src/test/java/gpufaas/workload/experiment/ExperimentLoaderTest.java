package gpufaas.workload.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.gen.ArrivalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {
    @TempDir
    Path dir;

    private static final String GENERATED = """
            {
              "name": "t",
              "description": "test",
              "seed": 7,
              "duration_s": 100,
              "workload": {
                "functions": [
                  {"name": "img", "base": "imagenet", "gpu_warm_ms": 2000, "weight": 2,
                   "arrival": {"process": "poisson", "rate_per_s": 0.5}},
                  {"name": "mine", "gpu_warm_ms": 10, "gpu_cold_ms": 500, "slo_ms": 100,
                   "arrival": {"process": "bursty", "rate_per_s": 1, "burst_factor": 4, "mean_burst_s": 2, "mean_calm_s": 8}},
                  {"name": "d", "base": "fft", "arrival": {"process": "diurnal", "rate_per_s": 1, "amplitude": 0.5, "period_s": 50}},
                  {"name": "e", "base": "eos", "arrival": {"process": "empirical", "iat_ms": [100, 200, 300]}}
                ]
              },
              "devices": {"gpu": "a100-40gb", "count": 2},
              "policy": "fcfs",
              "params": {"T": 5, "ttl": "1.5xIAT", "D": 2, "sticky": true}
            }
            """;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<long[]> drain(ArrivalSource a) {
        List<long[]> out = new ArrayList<>();
        while (a.advance()) out.add(new long[] {a.timeUs(), a.function()});
        a.close();
        return out;
    }

    private BadInputException loadError(String json) throws Exception {
        Path p = write("bad.json", json);
        try {
            ExperimentLoader.load(p);
        } catch (BadInputException e) {
            assertThat(e.source()).isEqualTo(p.toString());
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void load_generatedFunctions_copiesBaseAndAppliesOverrides() throws Exception {
        Experiment e = ExperimentLoader.load(write("e.json", GENERATED));
        List<FunctionSpec> fns = e.workload().functions();
        assertThat(fns).extracting(FunctionSpec::name).containsExactly("img", "mine", "d", "e");
        FunctionSpec img = fns.get(0);
        assertThat(img.gpuWarmMs()).isEqualTo(2000);
        assertThat(img.gpuColdMs()).isEqualTo(8581);
        assertThat(img.cpuWarmMs()).isEqualTo(5477);
        assertThat(img.weight()).isEqualTo(2);
        FunctionSpec mine = fns.get(1);
        assertThat(mine.gpuMemMb()).isEqualTo(FunctionSpec.DEFAULT_MEM_MB);
        assertThat(mine.hasCpu()).isFalse();
        assertThat(mine.sloMs()).isEqualTo(100);
        assertThat(e.device().name()).isEqualTo("a100-40gb");
        assertThat(e.spec().devices().count()).isEqualTo(2);
        assertThat(e.spec().policy()).isEqualTo("fcfs");
        assertThat(e.spec().admission()).isEqualTo("admit-all");
        assertThat(e.spec().params())
                .containsExactly(
                        Map.entry("T", "5"),
                        Map.entry("ttl", "1.5xIAT"),
                        Map.entry("D", "2"),
                        Map.entry("sticky", "true"));
        assertThat(((WorkloadSpec.Generated) e.spec().workload())
                        .functions()
                        .get(2)
                        .arrival())
                .isEqualTo(new ArrivalProcess.Diurnal(1, 0.5, 50, 0));
    }

    @Test
    void load_arrivalsSupplier_opensAFreshIdenticalStreamEachTime() throws Exception {
        Experiment e = ExperimentLoader.load(write("e.json", GENERATED));
        List<long[]> a = drain(e.workload().arrivals().get());
        List<long[]> b = drain(e.workload().arrivals().get());
        assertThat(a).isNotEmpty().hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) assertThat(a.get(i)).containsExactly(b.get(i));
        assertThat(a.get(a.size() - 1)[0]).isLessThan(100_000_000L);
    }

    @Test
    void load_file_recordsItsSha256() throws Exception {
        Path p = write("e.json", GENERATED);
        Experiment e = ExperimentLoader.load(p);
        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        assertThat(e.inputs()).containsExactly(new InputFile("experiment", p.toString(), expected));
    }

    @Test
    void load_unknownKey_namesFileLineAndKeyPath() throws Exception {
        String json = GENERATED.replace("\"mean_calm_s\": 8", "\"mean_calm_s\": 8, \"jitter\": 1");
        BadInputException e = loadError(json);
        assertThat(e.field()).isEqualTo("workload.functions[1].arrival.jitter");
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.getMessage()).contains("unknown key 'jitter'");
    }

    @Test
    void load_unknownTopLevelKey_isRejected() throws Exception {
        BadInputException e = loadError("{\n \"name\": \"x\",\n \"polcy\": \"fcfs\"\n}");
        assertThat(e.field()).isEqualTo("polcy");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("known keys").contains("policy");
    }

    @Test
    void load_badArrivalValue_namesPathAndLine() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"rate_per_s\": 0.5", "\"rate_per_s\": -0.5"));
        assertThat(e.field()).isEqualTo("workload.functions[0].arrival.rate_per_s");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).contains("> 0");
    }

    @Test
    void load_unknownProcess_listsKnownOnes() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"process\": \"poisson\"", "\"process\": \"hawkes\""));
        assertThat(e.field()).isEqualTo("workload.functions[0].arrival.process");
        assertThat(e.getMessage()).contains("hawkes").contains("poisson, bursty, diurnal, empirical");
    }

    @Test
    void load_missingRequiredArrivalField_saysRequired() throws Exception {
        BadInputException e = loadError(GENERATED.replace(", \"period_s\": 50", ""));
        assertThat(e.field()).isEqualTo("workload.functions[2].arrival.period_s");
        assertThat(e.getMessage()).contains("required");
    }

    @Test
    void load_unknownBaseFunction_namesIt() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"base\": \"fft\"", "\"base\": \"fftw\""));
        assertThat(e.field()).isEqualTo("workload.functions[2].base");
        assertThat(e.getMessage()).contains("fftw").contains("imagenet");
    }

    @Test
    void load_wrongType_saysWhatWasExpected() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"seed\": 7", "\"seed\": \"seven\""));
        assertThat(e.field()).isEqualTo("seed");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("'seven'").contains("whole number");
    }

    @Test
    void load_sweepListWhereValueExpected_pointsToSweepCommand() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"policy\": \"fcfs\"", "\"policy\": [\"fcfs\", \"batch\"]"));
        assertThat(e.field()).isEqualTo("policy");
        assertThat(e.getMessage()).contains("sweep");
    }

    @Test
    void load_twoWorkloadSources_isRejected() throws Exception {
        BadInputException e =
                loadError(GENERATED.replace("\"workload\": {", "\"workload\": {\"trace_csv\": \"t.csv\", "));
        assertThat(e.field()).isEqualTo("workload");
        assertThat(e.getMessage()).contains("exactly one");
    }

    @Test
    void load_duplicateFunctionNames_isRejected() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"name\": \"d\"", "\"name\": \"img\""));
        assertThat(e.field()).isEqualTo("workload.functions[2].name");
    }

    @Test
    void load_brokenJson_namesLine() throws Exception {
        BadInputException e = loadError("{\n  \"name\": \"x\"\n  \"seed\": 1\n}");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void load_unknownGpu_namesDevicesGpu() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"gpu\": \"a100-40gb\"", "\"gpu\": \"k80\""));
        assertThat(e.field()).isEqualTo("devices.gpu");
        assertThat(e.getMessage()).contains("k80").contains("a30");
    }

    @Test
    void load_migProfileTheGpuLacks_namesDevicesMig() throws Exception {
        BadInputException e = loadError(GENERATED.replace("\"count\": 2", "\"count\": 2, \"mig\": \"1g.6gb\""));
        assertThat(e.field()).isEqualTo("devices.mig");
        assertThat(e.getMessage()).contains("1g.5gb");
    }

    @Test
    void load_profileFile_relativeToExperimentAndChecksummed() throws Exception {
        DeviceProfiles.write(DeviceProfiles.load("h100"), "mine", dir.resolve("card.json"));
        Experiment e = ExperimentLoader.load(
                write("e.json", GENERATED.replace("\"gpu\": \"a100-40gb\"", "\"profile_file\": \"card.json\"")));
        assertThat(e.device().name()).isEqualTo("h100");
        assertThat(e.inputs()).extracting(InputFile::role).containsExactly("experiment", "profile_file");
    }

    @Test
    void load_traceWorkload_readsFilesRelativeToExperiment() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(
                dir.resolve("data/f.csv"), "func_name,cold_dur_ms,warm_dur_ms,mem_mb\na,100,10,500\nb,200,20,600\n");
        Files.writeString(dir.resolve("data/t.csv"), "func_name,invoke_time_ms\nb,0\na,1.5\nb,2500\n");
        Experiment e = ExperimentLoader.load(
                write(
                        "e.json",
                        "{\"name\": \"tr\", \"workload\": {\"functions_csv\": \"data/f.csv\", \"trace_csv\": \"data/t.csv\"}}"));
        assertThat(e.workload().functions()).extracting(FunctionSpec::name).containsExactly("a", "b");
        List<long[]> a = drain(e.workload().arrivals().get());
        assertThat(a).extracting(x -> x[0]).containsExactly(0L, 1500L, 2_500_000L);
        assertThat(a).extracting(x -> x[1]).containsExactly(1L, 0L, 1L);
        assertThat(e.inputs()).extracting(InputFile::role).containsExactly("experiment", "functions_csv", "trace_csv");
        assertThat(e.inputs().get(2).sha256()).hasSize(64);
        assertThat(e.device().name()).isEqualTo("a30");
    }

    @Test
    void load_traceWithDuration_isCutAtDuration() throws Exception {
        Files.writeString(dir.resolve("f.csv"), "func_name,cold_dur_ms,warm_dur_ms,mem_mb\na,100,10,500\n");
        Files.writeString(dir.resolve("t.csv"), "func_name,invoke_time_ms\na,0\na,999\na,1000\na,5000\n");
        Experiment e = ExperimentLoader.load(write(
                "e.json",
                "{\"duration_s\": 1, \"workload\": {\"functions_csv\": \"f.csv\", \"trace_csv\": \"t.csv\"}}"));
        assertThat(drain(e.workload().arrivals().get())).hasSize(2);
    }

    @Test
    void load_missingTraceFile_namesTheKey() throws Exception {
        Files.writeString(dir.resolve("f.csv"), "func_name,cold_dur_ms,warm_dur_ms,mem_mb\na,100,10,500\n");
        BadInputException e = loadError("{\"workload\": {\"functions_csv\": \"f.csv\", \"trace_csv\": \"nope.csv\"}}");
        assertThat(e.field()).isEqualTo("workload.trace_csv");
        assertThat(e.getMessage()).contains("nope.csv");
    }

    @Test
    void load_traceWithoutFunctions_isRejected() throws Exception {
        BadInputException e = loadError("{\"workload\": {\"trace_csv\": \"t.csv\"}}");
        assertThat(e.field()).isEqualTo("workload.functions_csv");
    }

    @Test
    void load_azure2021Block_importsRelativeFileWithExperimentDuration() throws Exception {
        Files.writeString(
                dir.resolve("az.txt"), "app,func,end_timestamp,duration\na,f,2.0,1.0\na,f,50,0.5\nb,g,3,2.5\n");
        Experiment e = ExperimentLoader.load(write(
                "e.json",
                "{\"duration_s\": 10, \"workload\": {\"azure2021\": {\"file\": \"az.txt\", \"functions\": 5}}}"));
        assertThat(e.workload().functions()).hasSize(2);
        assertThat(drain(e.workload().arrivals().get())).extracting(x -> x[0]).containsExactly(500_000L, 1_000_000L);
        assertThat(e.inputs()).extracting(InputFile::role).containsExactly("experiment", "azure2021");
    }

    @Test
    void load_azure2019BadSpreading_namesTheKey() throws Exception {
        BadInputException e =
                loadError("{\"workload\": {\"azure2019\": {\"dir\": \".\", \"spreading\": \"gaussian\"}}}");
        assertThat(e.field()).isEqualTo("workload.azure2019.spreading");
        assertThat(e.getMessage()).contains("uniform_random");
    }

    @Test
    void writeThenRead_specRoundTrips() throws Exception {
        ExperimentSpec spec = ExperimentLoader.load(write("e.json", GENERATED)).spec();
        String json = ExperimentJson.write(spec);
        assertThat(json)
                .contains("\"rate_per_s\"", "\"duration_s\"", "\"process\" : \"bursty\"")
                .doesNotContain("null");
        assertThat(ExperimentJson.read(json, "again")).isEqualTo(spec);
    }

    @Test
    void loadPreset_unknownName_listsPresets() {
        assertThatThrownBy(() -> ExperimentLoader.loadPreset("paper-huge"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("paper-medium");
    }
}
