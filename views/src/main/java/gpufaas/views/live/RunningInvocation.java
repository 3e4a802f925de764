package gpufaas.views.live;

/**
 * An invocation holding a token now: on device {@code device}, lane {@code lane}, dispatched at
 * {@code dispatchUs}, its code started at {@code startUs} (-1 while its container starts or its
 * memory arrives) in setup phase {@code setup}.
 */
public record RunningInvocation(long id, int device, int lane, int fn, Phase setup, long dispatchUs, long startUs) {}
