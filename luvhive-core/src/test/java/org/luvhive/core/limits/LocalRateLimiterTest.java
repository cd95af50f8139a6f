package org.luvhive.core.limits;

import java.time.Duration;

class LocalRateLimiterTest extends AbstractRateLimiterContractTest {

    @Override
    protected RateLimiter limiter() {
        return new LocalRateLimiter(new ClockTimeMeter(clock), 1000, Duration.ofMinutes(10));
    }
}
