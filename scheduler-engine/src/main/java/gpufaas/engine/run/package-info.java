/** The engine itself: configuration, the dispatch loop, listeners and the run result. */
package gpufaas.engine.run;
