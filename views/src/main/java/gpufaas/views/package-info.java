/**
 * Views and view models of the desktop GUI. This build has no GUI yet: the package is empty and
 * {@code ./workbench} without arguments says so.
 */
package gpufaas.views;
