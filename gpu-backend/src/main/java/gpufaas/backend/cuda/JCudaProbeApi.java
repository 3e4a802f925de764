package gpufaas.backend.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jcuda.driver.JCudaDriver;
import jcuda.runtime.JCuda;
import jcuda.runtime.cudaDeviceProp;
import jcuda.runtime.cudaError;

/** The probe's calls through JCuda. Loading this class does not load JCuda's natives; its calls do. */
final class JCudaProbeApi implements ProbeApi {
    private static final List<String> LIB_DIRS = List.of(
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib64",
            "/usr/lib",
            "/lib/x86_64-linux-gnu",
            "/lib64",
            "/usr/local/nvidia/lib64",
            "/usr/local/nvidia/lib",
            "/usr/lib/wsl/lib");

    @Override
    public int runtimeDeviceCount(int[] count) {
        return JCuda.cudaGetDeviceCount(count);
    }

    @Override
    public int driverVersion() {
        int[] v = {0};
        return JCuda.cudaDriverGetVersion(v) == cudaError.cudaSuccess ? v[0] : 0;
    }

    @Override
    public int runtimeVersion() {
        int[] v = {0};
        return JCuda.cudaRuntimeGetVersion(v) == cudaError.cudaSuccess ? v[0] : 0;
    }

    @Override
    public CudaDevice describe(int ordinal) {
        cudaDeviceProp p = new cudaDeviceProp();
        int rc = JCuda.cudaGetDeviceProperties(p, ordinal);
        if (rc != cudaError.cudaSuccess) {
            throw new IllegalStateException("cudaGetDeviceProperties(" + ordinal + "): " + errorName(rc));
        }
        String pci = String.format("%04x:%02x:%02x.0", p.pciDomainID, p.pciBusID, p.pciDeviceID);
        return new CudaDevice(
                ordinal,
                p.getName().trim(),
                uuid(p.uuid == null ? null : p.uuid.bytes),
                p.totalGlobalMem,
                p.major,
                p.minor,
                p.multiProcessorCount,
                p.concurrentManagedAccess != 0,
                pci,
                MigInfo.notExposed("not read yet"));
    }

    /** The 16 UUID bytes as nvidia-smi prints them: GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx. */
    static String uuid(byte[] b) {
        if (b == null || b.length < 16) return "";
        boolean zero = true;
        for (int i = 0; i < 16; i++) zero &= b[i] == 0;
        if (zero) return "";
        StringBuilder s = new StringBuilder("GPU-");
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) s.append('-');
            s.append(String.format("%02x", b[i] & 0xff));
        }
        return s.toString();
    }

    @Override
    public int driverApiVersion() {
        JCudaDriver.cuInit(0);
        int[] v = {0};
        return JCudaDriver.cuDriverGetVersion(v) == 0 ? v[0] : 0;
    }

    @Override
    public String errorName(int code) {
        try {
            return cudaError.stringFor(code) + " (" + code + ")";
        } catch (RuntimeException | LinkageError e) {
            return "CUDA error " + code;
        }
    }

    @Override
    public boolean libcudaPresent() {
        List<String> dirs = new ArrayList<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) for (String d : ld.split(":")) if (!d.isBlank()) dirs.add(d);
        dirs.addAll(LIB_DIRS);
        for (String d : dirs) if (Files.exists(Path.of(d, "libcuda.so.1"))) return true;
        try {
            Path cache = Path.of("/etc/ld.so.cache");
            if (Files.isReadable(cache)) {
                return new String(Files.readAllBytes(cache), StandardCharsets.ISO_8859_1).contains("libcuda.so.1");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    @Override
    public Optional<String> nvidiaSmiList() {
        return NvidiaSmi.list();
    }
}
