package org.mudbackbone.bench.measure;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.sun.management.OperatingSystemMXBean;

/**
 * This process's CPU use (and the whole machine's) over the measured window: the average from the
 * process CPU time, the highest one-second sample. A load generator near 100% of its cores measures
 * itself, not the server.
 */
public final class ClientCpu implements AutoCloseable {

    /** Averages and peak, each a fraction of all cores (0 to 1); -1 where the JVM cannot tell. */
    public record Use(double processAverage, double processPeak, double machineAverage, int cores) {}

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "client-cpu");
        t.setDaemon(true);
        return t;
    });
    private long startCpuNanos;
    private long startWallNanos;
    private double peak = -1;
    private double machineSum;
    private int machineSamples;

    /** Starts sampling now. */
    public void start() {
        startCpuNanos = os.getProcessCpuTime();
        startWallNanos = System.nanoTime();
        os.getProcessCpuLoad(); // the first reading of each is meaningless; prime them
        os.getCpuLoad();
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        peak = Math.max(peak, os.getProcessCpuLoad());
        double machine = os.getCpuLoad();
        if (machine >= 0) {
            machineSum += machine;
            machineSamples++;
        }
    }

    /** Stops sampling and returns the use since {@link #start()}. */
    public synchronized Use stop() {
        sampler.shutdownNow();
        int cores = os.getAvailableProcessors();
        long cpu = os.getProcessCpuTime() - startCpuNanos;
        long wall = System.nanoTime() - startWallNanos;
        double average = startCpuNanos < 0 || wall <= 0 ? -1 : (double) cpu / wall / cores;
        return new Use(average, peak, machineSamples == 0 ? -1 : machineSum / machineSamples, cores);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
