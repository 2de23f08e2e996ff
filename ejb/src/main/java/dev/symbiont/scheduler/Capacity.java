package dev.symbiont.scheduler;

/**
 * An amount of the node's resources: memory, CPU, disk and network bandwidth. CPU is held in whole millicores so
 * that allocating and releasing fractions of a core many times over adds up exactly; doubles would drift.
 * No part is ever negative: subtracting more than is there is a bookkeeping error and throws.
 */
public record Capacity(long memoryMb, long cpuMillicores, long diskIoMbps, long networkIoMbps) {

    public static final Capacity NONE = new Capacity(0, 0, 0, 0);

    public Capacity {
        if (memoryMb < 0 || cpuMillicores < 0 || diskIoMbps < 0 || networkIoMbps < 0) {
            throw new IllegalArgumentException("a capacity cannot be negative: " + memoryMb + " MB, "
                    + cpuMillicores + "m CPU, " + diskIoMbps + " MB/s disk, " + networkIoMbps + " MB/s network");
        }
    }

    /** A node's size; a 0 disk or network bandwidth means that dimension is not accounted on this node. */
    public static Capacity ofNode(long memoryMb, double cpuCores, long diskIoMbps, long networkIoMbps) {
        if (memoryMb <= 0 || !(cpuCores > 0)) {
            throw new IllegalArgumentException("a node needs some memory and CPU");
        }
        return new Capacity(memoryMb, millicores(cpuCores), diskIoMbps, networkIoMbps);
    }

    /** What a request reserves; a sliver of a core still costs one millicore, so nothing runs for free. */
    public static Capacity of(ResourceRequest request) {
        return new Capacity(request.memoryMb(), millicores(request.cpuCores()), request.diskIoMbps(),
                request.networkIoMbps());
    }

    /** What a request reserves on this node: the dimensions the node does not account count as nothing. */
    public static Capacity of(ResourceRequest request, Capacity node) {
        return new Capacity(request.memoryMb(), millicores(request.cpuCores()),
                node.diskIoMbps == 0 ? 0 : request.diskIoMbps(), node.networkIoMbps == 0 ? 0 : request.networkIoMbps());
    }

    private static long millicores(double cores) {
        return Math.max(1, Math.round(cores * 1000));
    }

    public Capacity plus(Capacity other) {
        return new Capacity(memoryMb + other.memoryMb, cpuMillicores + other.cpuMillicores,
                diskIoMbps + other.diskIoMbps, networkIoMbps + other.networkIoMbps);
    }

    /** @throws IllegalArgumentException if any part of {@code other} is larger than this one's */
    public Capacity minus(Capacity other) {
        return new Capacity(memoryMb - other.memoryMb, cpuMillicores - other.cpuMillicores,
                diskIoMbps - other.diskIoMbps, networkIoMbps - other.networkIoMbps);
    }

    /** The part of this that {@code other} does not cover, dimension by dimension. */
    public Capacity beyond(Capacity other) {
        return new Capacity(Math.max(0, memoryMb - other.memoryMb), Math.max(0, cpuMillicores - other.cpuMillicores),
                Math.max(0, diskIoMbps - other.diskIoMbps), Math.max(0, networkIoMbps - other.networkIoMbps));
    }

    /** This, cut down to {@code cap} in every dimension. */
    public Capacity atMost(Capacity cap) {
        return new Capacity(Math.min(memoryMb, cap.memoryMb), Math.min(cpuMillicores, cap.cpuMillicores),
                Math.min(diskIoMbps, cap.diskIoMbps), Math.min(networkIoMbps, cap.networkIoMbps));
    }

    public boolean fitsWithin(Capacity other) {
        return memoryMb <= other.memoryMb && cpuMillicores <= other.cpuMillicores
                && diskIoMbps <= other.diskIoMbps && networkIoMbps <= other.networkIoMbps;
    }

    /** A share of the memory and CPU, rounded down: the headroom kept for critical work. */
    public Capacity memoryAndCpuShare(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("a share must be in [0, 1); got " + fraction);
        }
        return new Capacity((long) (memoryMb * fraction), (long) (cpuMillicores * fraction), 0, 0);
    }

    /**
     * For messages and logs, e.g. "2048 MB, 1.500 cores, 100 MB/s disk, 0 MB/s network". Built by hand: every
     * preemption's reason uses it, and String.format would cost more than the decision itself.
     */
    public String describe() {
        String thousandths = Long.toString(1000 + cpuMillicores % 1000).substring(1);
        return memoryMb + " MB, " + cpuMillicores / 1000 + "." + thousandths + " cores, " + diskIoMbps
                + " MB/s disk, " + networkIoMbps + " MB/s network";
    }
}
