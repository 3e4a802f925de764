/**
 * Real containers through docker-java: a function is an image plus a command; a cold start creates
 * and starts a container, a warm invocation is an exec in it; every container carries the
 * workbench's labels and is removed when the run ends (and, if the app was killed, at the next start).
 */
package gpufaas.backend.docker;
