/**
 * Time sources: the virtual one (a heap ordered by time then sequence, so ties are deterministic)
 * and the wall-clock one (one engine thread fed by a queue). Nothing else in the engine reads time.
 */
package gpufaas.engine.time;
