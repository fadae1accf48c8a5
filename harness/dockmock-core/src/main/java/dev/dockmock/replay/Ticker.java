package dev.dockmock.replay;

/** Time as the replay sees it; tests give a fake one so pacing is checked without waiting. */
interface Ticker {

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };
}
