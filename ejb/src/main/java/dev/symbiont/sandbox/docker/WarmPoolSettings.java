package dev.symbiont.sandbox.docker;

import java.util.List;

/**
 * How many pre-started containers a tier keeps, and what they run while they wait.
 *
 * @param sizePerKey  idle containers kept per image and limits (a key); containers being created count too, so
 *                    there are never more
 * @param maxKeys     distinct keys the pool warms at most; a request for another key runs cold, so the number of
 *                    idle containers is bounded by {@code sizePerKey * maxKeys}
 * @param idleCommand what a warm container runs until an execution takes it: it must live forever doing nothing
 *                    and exist in every pooled image ({@code sleep 2147483647} fits busybox and coreutils)
 */
public record WarmPoolSettings(int sizePerKey, int maxKeys, List<String> idleCommand) {

    /** About 68 years: busybox {@code sleep} takes it (measured), so does coreutils. */
    public static final List<String> SLEEP_FOREVER = List.of("sleep", "2147483647");

    public WarmPoolSettings {
        if (sizePerKey < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("warm pool size and keys must be at least 1");
        }
        if (idleCommand == null || idleCommand.isEmpty()) {
            throw new IllegalArgumentException("an idle command is required");
        }
        idleCommand = List.copyOf(idleCommand);
    }

    public static WarmPoolSettings of(int sizePerKey, int maxKeys) {
        return new WarmPoolSettings(sizePerKey, maxKeys, SLEEP_FOREVER);
    }
}
