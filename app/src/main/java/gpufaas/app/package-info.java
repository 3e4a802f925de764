/**
 * The command line ({@code ./workbench}, picocli), the GUI's wiring ({@link gpufaas.app.GuiServices}
 * hands the window the command line's planner, the simulator and the result writers;
 * {@code ./workbench} without arguments opens it; {@code screenshot} renders it headless) and the
 * wiring of a run: inputs (preset,
 * experiment JSON, trace and functions CSVs) with command-line overrides, the simulated run, the
 * result folder, sweeps through a {@link gpufaas.app.SweepExecutor}, and listings of policies,
 * presets and devices. Exit status: 0 success, 2 bad input (one line {@code error: ...}), 1
 * internal error (one line {@code internal error: ...}; the stack trace with {@code --debug} or
 * {@code WORKBENCH_DEBUG=1}).
 */
package gpufaas.app;
