package gpufaas.backend.cuda;

/** A CUDA call that failed, with the call and CUDA's error text. */
public final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CudaException(String message) {
        super(message);
    }
}
