package org.shouwang.imports;

import org.shouwang.shared.RuleViolation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A small bounded pool for validations and imports, so that uploads return at once and a burst of
 * uploads cannot take every thread. Kept out of the bean factory's executors so that it never
 * serves anything but imports.
 */
@Component
class ImportWorkers implements DisposableBean {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    ImportWorkers() {
        pool.setCorePoolSize(2);
        pool.setMaxPoolSize(2);
        pool.setQueueCapacity(32);
        pool.setThreadNamePrefix("import-");
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(30);
        pool.initialize();
    }

    void submit(Runnable work) {
        try {
            pool.execute(work);
        } catch (TaskRejectedException e) {
            throw new RuleViolation("import.busy");
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
