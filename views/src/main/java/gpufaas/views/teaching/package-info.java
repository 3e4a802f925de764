/**
 * Teaching aids: breakpoints that pause a run on a throttle, a cold start, an eviction or at a
 * simulated time ({@link gpufaas.views.teaching.Breakpoints}, checked on the engine thread), lesson
 * presets with a short explanation, and the large-font presenter mode.
 */
package gpufaas.views.teaching;
