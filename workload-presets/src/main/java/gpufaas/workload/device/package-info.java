/**
 * Device profiles as JSON (snake_case): the built-in v100, a30, a100-40gb, a100-80gb and h100, each
 * with a {@code sources} text naming where its numbers come from, and user profile files in the same
 * format, read into and written from the engine's {@code DeviceProfile}.
 */
package gpufaas.workload.device;
