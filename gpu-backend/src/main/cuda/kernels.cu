// The kernels the CUDA backend runs as serverless functions (gpufaas.backend.cuda.KernelKind).
// tools/make_ptx.sh turns this file into the committed PTX resource
// gpu-backend/src/main/resources/gpufaas/backend/cuda/kernels.ptx; the Java build never needs nvcc.
//
// Every kernel takes plain pointers into one managed allocation (the container's footprint) and a
// "size" in its own unit, chosen on the host so that the kernel takes the function's warm time:
//   matmul_tiled  compute-bound: `reps` products of two n x n float matrices, 16 x 16 shared tiles
//   triad         memory-bound: a[i] = b[i] + s * c[i] over `n` elements, `reps` passes
//   spin          a timed spin: every thread waits until `ns` nanoseconds of %globaltimer passed
//   stencil5      one Jacobi sweep of a 5-point stencil on an nx x ny grid (the host launches it
//                 `iters` times, swapping the two grids: an iterative stencil)
// Only plain PTX features are used (shared memory, bar.sync, fma, %globaltimer), so the PTX
// assembles at ISA 7.0 for sm_70 and later; make_ptx.sh checks that with ptxas.

#define TILE 16

extern "C" __global__ void matmul_tiled(const float* __restrict__ a, const float* __restrict__ b,
                                        float* __restrict__ c, int n, int reps) {
    __shared__ float ta[TILE][TILE];
    __shared__ float tb[TILE][TILE];
    int row = blockIdx.y * TILE + threadIdx.y;
    int col = blockIdx.x * TILE + threadIdx.x;
    float acc = 0.0f;
    for (int r = 0; r < reps; ++r) {
        float sum = 0.0f;
        for (int t = 0; t < n; t += TILE) {
            int ac = t + threadIdx.x;
            int br = t + threadIdx.y;
            ta[threadIdx.y][threadIdx.x] = (row < n && ac < n) ? a[row * n + ac] : 0.0f;
            tb[threadIdx.y][threadIdx.x] = (br < n && col < n) ? b[br * n + col] : 0.0f;
            __syncthreads();
#pragma unroll
            for (int k = 0; k < TILE; ++k) sum = fmaf(ta[threadIdx.y][k], tb[k][threadIdx.x], sum);
            __syncthreads();
        }
        // depends on r so that no repetition can be folded away
        acc = fmaf(acc, 0.5f, sum + (float) r);
    }
    if (row < n && col < n) c[row * n + col] = acc;
}

extern "C" __global__ void triad(float* __restrict__ a, const float* __restrict__ b,
                                 const float* __restrict__ c, float s, long long n, int reps) {
    long long stride = (long long) blockDim.x * gridDim.x;
    long long first = (long long) blockIdx.x * blockDim.x + threadIdx.x;
    for (int r = 0; r < reps; ++r) {
        float sr = s + (float) r;
        for (long long i = first; i < n; i += stride) a[i] = b[i] + sr * c[i];
    }
}

__device__ __forceinline__ unsigned long long globaltimer_ns() {
    unsigned long long t;
    asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t));
    return t;
}

extern "C" __global__ void spin(unsigned long long ns, float* out) {
    unsigned long long start = globaltimer_ns();
    unsigned long long spins = 0;
    while (globaltimer_ns() - start < ns) ++spins;
    if (threadIdx.x == 0 && blockIdx.x == 0) out[0] = (float) spins;
}

extern "C" __global__ void stencil5(const float* __restrict__ in, float* __restrict__ out, int nx, int ny) {
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= nx || y >= ny) return;
    int i = y * nx + x;
    if (x == 0 || y == 0 || x == nx - 1 || y == ny - 1) {
        out[i] = in[i];
        return;
    }
    out[i] = 0.2f * (in[i] + in[i - 1] + in[i + 1] + in[i - nx] + in[i + nx]);
}
