/**
 * The experiment panel: workload preset picker and composer (catalog functions with editable
 * timings and footprints, a per-function arrival process, imports of Ilúvatar and Azure files by
 * drag-and-drop or file chooser), devices (profile, count, MPS, MIG, CPU cores), the policy with a
 * parameter editor generated from the policy's declared parameters, and the backend. The view
 * model turns what is edited into the command line's {@link gpufaas.workload.experiment.ExperimentSpec},
 * so a saved experiment runs the same from {@code ./workbench run --experiment}.
 */
package gpufaas.views.experiment;
