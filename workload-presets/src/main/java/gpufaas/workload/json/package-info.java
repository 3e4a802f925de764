/**
 * The module's single Jackson configuration and the translation of Jackson's exceptions into one
 * {@code BadInputException} with the line and the field path, so users never see a stack trace.
 */
package gpufaas.workload.json;
