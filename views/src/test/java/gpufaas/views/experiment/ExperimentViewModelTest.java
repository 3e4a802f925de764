package gpufaas.views.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import gpufaas.views.TestPlanner;
import gpufaas.views.run.BackendOption;
import gpufaas.views.run.RunPlan;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import gpufaas.workload.experiment.WorkloadSpec;
import gpufaas.workload.gen.ArrivalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentViewModelTest {
    @TempDir
    Path tmp;

    private static ExperimentViewModel vm() {
        return new ExperimentViewModel(
                new TestPlanner(),
                List.of(
                        BackendOption.available("sim", "Simulated"),
                        BackendOption.unavailable("docker", "Docker", "not in this build")));
    }

    @Test
    void loadPreset_thenToSpec_givesThePresetBack() {
        for (String name : Presets.names()) {
            // the Docker preset needs its backend offered (its docker settings must survive too)
            ExperimentViewModel vm = new ExperimentViewModel(
                    new TestPlanner(),
                    List.of(BackendOption.available("sim", "Simulated"), BackendOption.available("docker", "Docker")));
            vm.loadPreset(name);
            ExperimentSpec original = Presets.spec(name);
            assertThat(ExperimentJson.write(vm.toSpec())).as(name).isEqualTo(ExperimentJson.write(original));
        }
        ExperimentViewModel greyed = vm();
        greyed.loadPreset("docker-demo");
        assertThatThrownBy(greyed::toSpec).hasMessageContaining("'docker' is not available: not in this build");
    }

    @Test
    void outOfRangeParameter_isShownInline_andPlanningNamesIt() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        ParamField d = vm.field("D");
        d.text.set("500");
        assertThat(d.error().get()).isEqualTo("D: 500 is out of range [1, 64]");
        assertThat(vm.plan()).isNull();
        assertThat(vm.problem.get()).contains("params.D").contains("out of range");
        d.text.set("3");
        assertThat(d.error().get()).isEmpty();
        RunPlan p = vm.plan();
        assertThat(p).isNotNull();
        assertThat(p.config().dMax()).isEqualTo(3);
        assertThat(vm.problem.get()).isEmpty();
    }

    @Test
    void changingPolicy_regeneratesTheEditor_keepingSharedValues() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        vm.field("T").text.set("2.5");
        vm.policy.set("mqfq");
        assertThat(vm.field("T").text.get()).isEqualTo("2.5");
        vm.policy.set("sized-batch");
        assertThat(vm.field("T")).isNull();
        assertThat(vm.field("batch_size")).isNotNull();
        assertThat(vm.field("batch_size").rangeText()).isEqualTo("integer in [1, 1000000]");
        assertThat(vm.policyDescription.get()).startsWith("Batching as batch");
        assertThat(vm.field("D").owner()).isEqualTo("device");
        assertThat(vm.field("mps_pct")).as("set in the devices section").isNull();
    }

    @Test
    void badFunctionRow_namesTheFunctionAndField() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        FunctionRowModel fft = vm.functions.get(1);
        fft.ratePerS.set("fast");
        assertThat(vm.plan()).isNull();
        assertThat(vm.problem.get())
                .contains("functions[1] (fft)")
                .contains("rate_per_s")
                .contains("'fast' is not a number");
        assertThat(fft.problem.get()).contains("not a number");
        fft.ratePerS.set("-1");
        assertThat(vm.plan()).isNull();
        assertThat(vm.problem.get()).contains("rate_per_s").contains("> 0");
    }

    @Test
    void composedFunctions_overrideOnlyWhatDiffersFromTheCatalog() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        FunctionRowModel added = vm.addFunction("rnn");
        added.memMb.set("2048");
        added.arrival.set(ArrivalKind.BURSTY);
        ExperimentSpec s = vm.toSpec();
        var e = ((WorkloadSpec.Generated) s.workload()).functions().get(3);
        assertThat(e.name()).isEqualTo("rnn");
        assertThat(e.base()).isEqualTo("rnn");
        assertThat(e.gpuWarmMs()).isNull();
        assertThat(e.gpuMemMb()).isEqualTo(2048.0);
        assertThat(e.arrival()).isInstanceOf(ArrivalProcess.Bursty.class);
        assertThat(vm.preset.get()).isEmpty();
    }

    @Test
    void unavailableBackend_isAProblemWithItsReason() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        vm.backend.set("docker");
        assertThat(vm.plan()).isNull();
        assertThat(vm.problem.get()).contains("backend").contains("not in this build");
    }

    @Test
    void importFiles_traceAndFunctions_makeATraceWorkloadThatPlans() throws Exception {
        Path fns = tmp.resolve("funcs.csv");
        Path trace = tmp.resolve("trace.csv");
        Files.writeString(fns, "func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf1,2000,100,1024\ng2,3000,500,2048\n");
        Files.writeString(trace, "func_name,invoke_time_ms\nf1,0\ng2,10\nf1,50\n");
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        assertThat(vm.importFiles(List.of(trace))).isTrue();
        assertThat(vm.problem.get()).contains("functions CSV");
        assertThat(vm.importFiles(List.of(fns))).isTrue();
        assertThat(vm.workloadKind.get()).isEqualTo(WorkloadKind.TRACE);
        RunPlan p = vm.plan();
        assertThat(p).as(vm.problem.get()).isNotNull();
        assertThat(p.workload().functions()).hasSize(2);
    }

    @Test
    void importFiles_unknownFile_isNamedAndChangesNothing() throws Exception {
        Path bad = tmp.resolve("notes.csv");
        Files.writeString(bad, "when,what\n1,2\n");
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        assertThat(vm.importFiles(List.of(bad))).isFalse();
        assertThat(vm.problem.get()).startsWith(bad.toString()).contains("its header is: when,what");
        assertThat(vm.workloadKind.get()).isEqualTo(WorkloadKind.COMPOSED);
    }

    @Test
    void traceArrivals_forOneFunction_becomeEmpiricalGaps() throws Exception {
        Path trace = tmp.resolve("t.csv");
        Files.writeString(trace, "func_name,invoke_time_ms\nfft,0\nx,5\nfft,100\nfft,300\n");
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        FunctionRowModel fft = vm.functions.get(1);
        assertThat(vm.setTraceArrivals(fft, trace)).isTrue();
        assertThat(fft.iatMs.get()).containsExactly(100.0, 200.0);
        assertThat(fft.arrival.get()).isEqualTo(ArrivalKind.TRACE);
        assertThat(((WorkloadSpec.Generated) vm.toSpec().workload())
                        .functions()
                        .get(1)
                        .arrival())
                .isEqualTo(new ArrivalProcess.Empirical(List.of(100.0, 200.0)));
        FunctionRowModel iso = vm.functions.get(0);
        assertThat(vm.setTraceArrivals(iso, trace)).isFalse();
        assertThat(vm.problem.get()).contains("isoneural");
    }

    @Test
    void saveAndLoad_roundTripThroughTheCommandLinesJson() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("mig-demo");
        vm.field("T").text.set("7");
        Path f = tmp.resolve("e.json");
        assertThat(vm.saveFile(f)).isTrue();
        ExperimentViewModel other = vm();
        assertThat(other.loadFile(f)).isTrue();
        assertThat(other.field("T").text.get()).isEqualTo("7");
        assertThat(other.mig.get()).isTrue();
        assertThat(ExperimentJson.write(other.toSpec())).isEqualTo(ExperimentJson.write(vm.toSpec()));
    }

    @Test
    void loadFile_withBadJson_keepsThePanelAndNamesTheLine() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\n \"name\": \"x\",\n \"workload\": 3\n}\n");
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        assertThat(vm.loadFile(f)).isFalse();
        assertThat(vm.problem.get()).contains(f.toString()).contains("line 3");
        assertThat(vm.name.get()).isEqualTo("teaching-3");
    }

    @Test
    void mpsThreadPercentage_goesIntoTheDevices() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("mps-demo");
        vm.mpsPct.set("40");
        assertThat(vm.toSpec().devices().mpsPct()).isEqualTo(40);
        vm.mpsPct.set("400");
        assertThatThrownBy(vm::toSpec).isInstanceOf(BadInputException.class).hasMessageContaining("mps_pct");
    }

    @Test
    void changesFrom_namesEachEditAgainstTheRunningExperiment() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        ExperimentSpec running = vm.toSpec();
        assertThat(vm.changesFrom(running)).isEmpty();
        vm.policy.set("fcfs");
        vm.gpuCount.set("2");
        assertThat(vm.changesFrom(running))
                .containsExactly("policy fcfs (the run: mqfq-sticky)", "devices 2 × a30 (the run: 1 × a30)");
        vm.policy.set("mqfq-sticky");
        vm.field("T").text.set("2");
        assertThat(vm.changesFrom(running))
                .containsExactly("devices 2 × a30 (the run: 1 × a30)", "parameters T=2 (the run: T=5)");
        vm.gpuCount.set("abc");
        assertThat(vm.changesFrom(running))
                .singleElement()
                .asString()
                .contains("problem")
                .contains("GPUs");
    }

    @Test
    void aWholeNumberField_showsItsProblemInline_andPlanningNamesItsLabel() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        vm.gpuCount.set("abc");
        assertThat(vm.problemOf(vm.gpuCount).get()).isEqualTo("GPUs: 'abc' is not a whole number");
        assertThat(vm.plan()).isNull();
        assertThat(vm.problem.get()).contains("'GPUs'").doesNotContain("devices.count");
        vm.gpuCount.set("2");
        assertThat(vm.problemOf(vm.gpuCount).get()).isEmpty();
        vm.durationS.set("-3");
        assertThat(vm.problemOf(vm.durationS).get()).isEqualTo("duration (s): must be > 0, got -3");
        vm.durationS.set("");
        assertThat(vm.problemOf(vm.durationS).get()).isEmpty();
    }

    @Test
    void unsavedEdits_areTracked_andTheSavedDescriptionSaysWhatChanged() throws Exception {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        assertThat(vm.hasUnsavedEdits()).isFalse();
        assertThat(vm.description.get()).contains("on one a30");
        vm.gpu.set("v100");
        assertThat(vm.hasUnsavedEdits()).isTrue();
        Path f = tmp.resolve("edited.json");
        assertThat(vm.saveFile(f)).isTrue();
        assertThat(vm.hasUnsavedEdits()).isFalse();
        ExperimentSpec back = ExperimentJson.read(Files.readAllBytes(f), f.toString());
        assertThat(back.description()).endsWith("Edited from preset teaching-3: devices 1 × v100 (was 1 × a30).");
        assertThat(back.devices().gpu()).isEqualTo("v100");
    }

    @Test
    void anSloPolicy_onAWorkloadWithoutSlos_saysItRunsAsFcfs() {
        ExperimentViewModel vm = vm();
        vm.loadPreset("teaching-3");
        vm.policy.set("edf");
        assertThat(vm.policyNote.get())
                .contains("No function of this workload has an SLO")
                .contains("as fcfs does");
        vm.policy.set("mqfq-sticky");
        assertThat(vm.policyNote.get()).isEmpty();
        vm.loadPreset("mixed-slo");
        vm.policy.set("edf");
        assertThat(vm.policyNote.get()).isEmpty();
    }
}
