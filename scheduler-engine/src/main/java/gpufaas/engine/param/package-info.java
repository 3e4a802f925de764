/** Typed, declared parameters: every policy and device knob is declared once and validated here. */
package gpufaas.engine.param;
