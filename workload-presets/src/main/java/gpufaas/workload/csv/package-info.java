/**
 * Small CSV reading for the module's file formats: columns found by header name, quoted fields,
 * and every problem reported as a {@code BadInputException} naming file, line and column.
 */
package gpufaas.workload.csv;
