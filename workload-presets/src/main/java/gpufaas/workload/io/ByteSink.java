package gpufaas.workload.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A large byte buffer drained to a file: the writers put ASCII digits and cached UTF-8 names into
 * it directly, so a row costs no String or array. An asynchronous sink has two buffers and a
 * writer thread: while one buffer is written to the file the next one fills, so formatting and
 * the write system calls overlap. Not thread-safe (one producer). I/O errors become
 * {@link UncheckedIOException}s naming the file, thrown on the next drain or on close.
 */
final class ByteSink implements AutoCloseable {
    static final int DEFAULT_SIZE = 1 << 20;

    private final WritableByteChannel out;
    private final String name;
    private final Writer writer;
    byte[] buf;
    int pos;
    private boolean closed;

    ByteSink(OutputStream out, String name, int size) {
        this(Channels.newChannel(out), name, size, false);
    }

    private ByteSink(WritableByteChannel out, String name, int size, boolean async) {
        this.out = out;
        this.name = name;
        this.buf = new byte[size];
        this.writer = async ? new Writer(out, name, size) : null;
    }

    /** A sink writing {@code file} (created or truncated); {@code async}: drained by a writer thread. */
    static ByteSink create(Path file, int size, boolean async) {
        try {
            FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            return new ByteSink(ch, file.toString(), size, async);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes room for {@code n} more bytes, draining the buffer (or growing it for one huge field). */
    void ensure(int n) {
        if (buf.length - pos >= n) return;
        drain();
        if (buf.length < n) buf = new byte[Math.max(n, buf.length * 2)];
    }

    /** Hands the buffered bytes to the file (synchronously, or to the writer thread). */
    void drain() {
        if (pos == 0) return;
        if (writer != null) {
            buf = writer.swap(buf, pos);
        } else {
            try {
                writeFully(out, buf, pos);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
            }
        }
        pos = 0;
    }

    /** Writes {@code b[0, n)}; a file channel copies through its cached direct buffer (no allocation per call). */
    private static void writeFully(WritableByteChannel ch, byte[] b, int n) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, 0, n);
        while (bb.hasRemaining()) ch.write(bb);
    }

    /** Puts bytes; the caller made room. */
    void put(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    void put(byte b) {
        buf[pos++] = b;
    }

    /** Puts any text as UTF-8 (allocates; for headers and rare fields). */
    void text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        put(b);
    }

    /** Puts a CSV field: quoted when it holds a comma, quote, CR or LF (allocates; rare fields). */
    void csvField(String s) {
        byte[] b = Csv.field(s);
        ensure(b.length);
        put(b);
    }

    /** Puts the decimal digits of {@code v}; the caller made room for 24 bytes (see {@link Ascii}). */
    void putLong(long v) {
        pos = Ascii.putLong(buf, pos, v);
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        // the channel is closed whatever happens; a failure to close after a failed write is added to
        // that failure (suppressed) instead of replacing it
        try (WritableByteChannel ch = out) {
            drain();
            if (writer != null) writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name + ": " + e.getMessage(), e);
        }
    }

    /** The writer thread of an asynchronous sink: writes one buffer while the producer fills the other. */
    private static final class Writer implements Runnable {
        private final WritableByteChannel out;
        private final String name;
        private final Thread thread;
        private byte[] spare;
        private byte[] full;
        private int fullLength;
        private boolean done;
        private IOException error;

        Writer(WritableByteChannel out, String name, int size) {
            this.out = out;
            this.name = name;
            this.spare = new byte[size];
            this.thread = Thread.ofPlatform().daemon().name("writer " + name).start(this);
        }

        /** Gives a full buffer to write; returns an empty one (waits while the previous is written). */
        synchronized byte[] swap(byte[] filled, int length) {
            awaitIdle();
            byte[] next = spare.length >= filled.length ? spare : new byte[filled.length];
            spare = null;
            full = filled;
            fullLength = length;
            notifyAll();
            return next;
        }

        /** Waits until everything handed over is written, then stops the thread. */
        void finish() {
            synchronized (this) {
                awaitIdle();
                done = true;
                notifyAll();
            }
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                rethrow();
            }
        }

        private void awaitIdle() {
            boolean interrupted = false;
            while (full != null && error == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
            rethrow();
        }

        private void rethrow() {
            if (error != null)
                throw new UncheckedIOException("cannot write " + name + ": " + error.getMessage(), error);
        }

        @Override
        public void run() {
            while (true) {
                byte[] b;
                int n;
                synchronized (this) {
                    while (full == null && !done) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // keep writing what was handed over; finish() ends the loop
                        }
                    }
                    if (full == null) return;
                    b = full;
                    n = fullLength;
                }
                IOException failure = null;
                try {
                    writeFully(out, b, n);
                } catch (IOException e) {
                    failure = e;
                }
                synchronized (this) {
                    full = null;
                    spare = b;
                    if (failure != null) error = failure;
                    notifyAll();
                    if (failure != null) return;
                }
            }
        }
    }
}
