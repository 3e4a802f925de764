package gpufaas.backend.cuda;

/** CUDA cannot be used on this host; the message is the probe's one-line reason. */
public final class CudaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CudaUnavailableException(String reason) {
        super(reason);
    }
}
