/** Admission control: a layer over any ordering policy that may reject an invocation at arrival. */
package gpufaas.engine.admission;
