/**
 * Views and view models of the JavaFX workbench, packages by feature: {@code run} (the engine
 * thread, its command queue and the coalesced snapshots it publishes), {@code experiment},
 * {@code transport}, {@code live}, {@code latency}, {@code compare}, {@code decisions},
 * {@code teaching} and {@code main} (the window that puts them together). A view and its view
 * model share a base name; view models never import {@code javafx.scene}; the logic behind the
 * views (coalescing, binning, CDFs, decision records, breakpoints, pacing) lives in plain classes
 * tested without JavaFX.
 */
package gpufaas.views;
